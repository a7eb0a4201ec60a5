# PASM ops mix freely with PIR statements inside a .sub; the first sub runs when none is :main.
.sub first
    set $I0, 20
    inc $I0
    $I0 = $I0 * 2
    print $I0
    print "\n"
    $S0 = "abc"
    length $I1, $S0
    say $I1
.end
