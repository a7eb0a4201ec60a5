# Reading past the end of a resizable array does not grow it: RPA gives null, RIA gives 0.
    new P0, 'ResizablePMCArray'
    push P0, 1
    set P1, P0[5]
    isnull I0, P1
    say I0
    elements I0, P0
    say I0
    new P2, 'ResizableIntegerArray'
    set I1, P2[3]
    say I1
    elements I0, P2
    say I0
    end
