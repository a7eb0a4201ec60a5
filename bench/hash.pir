.sub main :main
    $P0 = new 'Hash'
    $I0 = 0
insert:
    $S0 = $I0
    $S1 = "k" . $S0
    $P0[$S1] = $I0
    $I0 = $I0 + 1
    if $I0 < 200000 goto insert
    $I0 = 0
    $I2 = 0
lookup:
    $S0 = $I0
    $S1 = "k" . $S0
    $I1 = $P0[$S1]
    $I2 = $I2 + $I1
    $I0 = $I0 + 1
    if $I0 < 200000 goto lookup
    say $I2
.end
