# Every call starts with empty registers (0, 0.0, the null string, null), even right after
# a call of the same sub that left values in them. Parrot leaves I and N registers undefined
# at the start of a call; Kea defines them. Kea empties only the registers a sub may read
# before writing them (spec/subs.rst): `probe` reads $I1 and $N1 on the path that skips
# their writes, and `sprobe` does the same with a string.
.sub main :main
    $I0 = probe(1)
    say $I0
    $I0 = probe(0)
    say $I0
    $I0 = probe(0)
    say $I0
    $S0 = sprobe(1)
    say $S0
    $S0 = sprobe(0)
    $I0 = length $S0
    say $I0
.end
.sub probe
    .param int set
    unless set goto read
    $I1 = 40
    $N1 = 2.5
read:
    $N2 = $N1 * 0.8
    $I2 = $N2
    $I3 = $I1 + $I2
    .return ($I3)
.end
.sub sprobe
    .param int set
    unless set goto read
    $S1 = 'left'
read:
    .return ($S1)
.end
