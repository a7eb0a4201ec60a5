# issame/isntsame compare identity (a copied S register is the same string, an equal one
# built apart is not); istrue/isfalse read a PMC's truth; and/or/xor/not on PMCs.
    set S0, "abc"
    set S1, S0
    concat S2, "ab", "c"
    issame I0, S0, S1
    say I0
    issame I0, S0, S2
    say I0
    isntsame I0, S0, S2
    say I0
    eq_addr S0, S1, SAME
    say "no"
SAME:
    ne_addr S0, S2, DIFF
    say "no"
DIFF:
    null S3
    if_null S3, NULL
    say "no"
NULL:
    unless_null S0, NOT_NULL
    say "no"
NOT_NULL:
    box P0, 0
    box P1, 5
    isntsame I0, P0, P1
    say I0
    isntsame I0, P0, P0
    say I0
    istrue I0, P1
    say I0
    isfalse I0, P0
    say I0
    and P2, P0, P1
    say P2
    or P2, P0, P1
    say P2
    xor P2, P1, P0
    say P2
    xor P2, P1, P1
    typeof S4, P2
    print S4
    print " "
    say P2
    not P1
    say P1
    null P3
    not P3, P0
    typeof S4, P3
    print S4
    print " "
    say P3
    end
