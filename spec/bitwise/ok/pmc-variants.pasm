# Every form of the integer bitwise ops on PMCs: in place with an I or a P, and into a
# target PMC from a PMC and an I or a P.
    new P1, 'Integer'
    new P2, 'Integer'
    set P2, 2
    new P0, 'Integer'
    set P1, 12
    band P1, 2
    say P1
    set P1, 12
    band P1, P2
    say P1
    set P1, 12
    band P0, P1, 2
    say P0
    band P0, P1, P2
    say P0
    set P1, 12
    bor P1, 2
    say P1
    set P1, 12
    bor P1, P2
    say P1
    set P1, 12
    bor P0, P1, 2
    say P0
    bor P0, P1, P2
    say P0
    set P1, 12
    bxor P1, 2
    say P1
    set P1, 12
    bxor P1, P2
    say P1
    set P1, 12
    bxor P0, P1, 2
    say P0
    bxor P0, P1, P2
    say P0
    set P1, 12
    shl P1, 2
    say P1
    set P1, 12
    shl P1, P2
    say P1
    set P1, 12
    shl P0, P1, 2
    say P0
    shl P0, P1, P2
    say P0
    set P1, 12
    shr P1, 2
    say P1
    set P1, 12
    shr P1, P2
    say P1
    set P1, 12
    shr P0, P1, 2
    say P0
    shr P0, P1, P2
    say P0
    set P1, 12
    lsr P1, 2
    say P1
    set P1, 12
    lsr P1, P2
    say P1
    set P1, 12
    lsr P0, P1, 2
    say P0
    lsr P0, P1, P2
    say P0
# and the string ones
    box P3, "abc"
    box P4, "EE"
    new P5, 'String'
    set P3, "abc"
    bands P3, "EE"
    say P3
    set P3, "abc"
    bands P3, P4
    say P3
    bands P5, P3, "@@"
    say P5
    bands P5, P3, P4
    say P5
    set P3, "abc"
    bors P3, "EE"
    say P3
    set P3, "abc"
    bors P3, P4
    say P3
    bors P5, P3, "@@"
    say P5
    bors P5, P3, P4
    say P5
    set P3, "abc"
    bxors P3, "EE"
    say P3
    set P3, "abc"
    bxors P3, P4
    say P3
    bxors P5, P3, "@@"
    say P5
    bxors P5, P3, P4
    say P5
    bnots P5, P4
    bnots P5, P5
    say P5
    end
