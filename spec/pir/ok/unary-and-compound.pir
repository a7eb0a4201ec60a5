# Unary minus, not and bitwise not; compound assignment works in place.
.sub main :main
    $I0 = 5
    $I1 = -$I0
    say $I1
    $I1 = !$I0
    say $I1
    $I1 = ~$I0
    say $I1
    $I0 += 10
    $I0 *= 2
    $I0 -= 1
    $I0 /= 3
    say $I0
    $S0 = "ab"
    $S0 .= "cd"
    say $S0
    $P0 = new 'Integer'
    $P0 = 41
    $P1 = $P0
    $P0 += 1
    say $P1
.end
