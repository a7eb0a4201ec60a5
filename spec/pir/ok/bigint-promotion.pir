# PIR infix + on an Integer PMC promotes to BigInt on overflow, while int registers wrap.
.sub main :main
    $P0 = new 'Integer'
    $P0 = 9223372036854775807
    $P1 = $P0 + 1
    say $P1
    $S0 = typeof $P1
    say $S0
    $I0 = 9223372036854775807
    $I0 += 1
    say $I0
.end
