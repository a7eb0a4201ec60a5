# FixedPMCArray / FixedIntegerArray: the size is set first, elements default to null / 0.
    new P0, 'FixedIntegerArray'
    set P0, 3
    set P0[1], 5
    elements I0, P0
    say I0
    say P0
    new P1, 'FixedPMCArray'
    set P1, 2
    set P1[0], "x"
    set P2, P1[1]
    isnull I1, P2
    say I1
    end
