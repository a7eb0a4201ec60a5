# new P, 'Type', I: an array of that size, an Integer of that value.
    new P0, 'FixedIntegerArray', 3
    set I0, P0
    say I0
    set P0[2], 7
    set I1, P0[2]
    say I1
    set I2, 5
    new P1, 'ResizablePMCArray', I2
    set I0, P1
    say I0
    new P2, 'Integer', 42
    say P2
    end
