# One handler catches several exceptions in turn when re-installed each time.
.sub main :main
    $I0 = 0
loop:
    push_eh handler
    die "n"
handler:
    get_results "0", $P0
    pop_eh
    inc $I0
    if $I0 < 3 goto loop
    say $I0
.end
