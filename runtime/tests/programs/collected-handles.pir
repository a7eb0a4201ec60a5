.sub main :main
    $I0 = 0
again:
    $P0 = open "/dev/full", "w"
    print $P0, "x"
    inc $I0
    if $I0 < 3000 goto again
    say "done"
.end
