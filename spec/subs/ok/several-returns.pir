# A sub returns several values of different kinds at once.
.sub main :main
    ($I0, $N0, $S0, $P0) = four()
    say $I0
    say $N0
    say $S0
    $S1 = typeof $P0
    say $S1
.end

.sub four
    $P0 = new 'Hash'
    .return (1, 2.5, "three", $P0)
.end
