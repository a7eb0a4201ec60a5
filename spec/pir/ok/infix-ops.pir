# a = b OP c for every PDD 19 operator; comparisons give 1 or 0.
.sub main :main
    $I0 = 17
    $I1 = 5
    $I2 = $I0 + $I1
    say $I2
    $I2 = $I0 - $I1
    say $I2
    $I2 = $I0 * $I1
    say $I2
    $I2 = $I0 / $I1
    say $I2
    $I2 = $I0 % $I1
    say $I2
    $I2 = $I0 << 2
    say $I2
    $I2 = $I0 >> 1
    say $I2
    $I2 = $I0 & $I1
    say $I2
    $I2 = $I0 | $I1
    say $I2
    $I2 = $I0 ~ $I1
    say $I2
    $I2 = $I0 < $I1
    say $I2
    $I2 = $I0 >= $I1
    say $I2
    $I2 = $I0 == 17
    say $I2
    $I2 = $I0 && 0
    say $I2
    $I2 = 0 || $I1
    say $I2
    $N0 = 2.0
    $N1 = $N0 ** 10
    say $N1
    $S0 = "con"
    $S1 = $S0 . "cat"
    say $S1
    $I3 = $I0 -1
    say $I3
.end
