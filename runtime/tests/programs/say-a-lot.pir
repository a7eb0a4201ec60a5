.sub main :main
    $S0 = repeat "y", 99
    $I0 = 0
again:
    say $S0
    inc $I0
    if $I0 < 1000 goto again
.end
