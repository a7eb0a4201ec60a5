# $P2 = $P0 + $P1 makes a new PMC; $P0 += 1 changes $P0 in place.
.sub main :main
    $P0 = new 'Integer'
    $P0 = 10
    $P1 = new 'Integer'
    $P1 = 5
    $P2 = new 'Integer'
    $P3 = $P2
    $P2 = $P0 + $P1
    say $P2
    say $P3
    $P0 += 1
    say $P0
    $P4 = $P0 * 2.5
    say $P4
    $S0 = typeof $P4
    say $S0
.end
