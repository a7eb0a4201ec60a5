# band, bor, bxor, shl, shr, lsr and bnot on PMCs set the integer value of the target PMC;
# bnot P, P makes a new PMC of the source's type.
    new P0, 'Integer'
    set P0, 3
    band P0, 8
    say P0
    set P0, 3
    bor P0, 8
    say P0
    new P1, 'Integer'
    set P1, 6
    bxor P0, P1
    say P0
    new P2, 'Integer'
    shl P2, P1, 2
    say P2
    shr P2, P1, 1
    say P2
    set P1, -1
    lsr P2, P1, 60
    say P2
    shl P2, P1, P1
    say P2
    bnot P2
    say P2
    box P3, 3
    bnot P4, P3
    typeof S0, P4
    print S0
    print " "
    say P4
    end
