.sub main :main
    .local pmc fh, r, nocb
    null nocb
    $S0 = repeat "f", 100000
    fh = open "{f}", "w"
    $I0 = 0
    push_eh failed
again:
    {write}
    inc $I0
    if $I0 < 20 goto again
    say "no error"
    exit 0
failed:
    get_results "0", $P0
    pop_eh
    print "{form}: "
    say $P0
    close fh
.end
