# Negative indices count from the end on ResizableIntegerArray, ResizableStringArray and ResizableFloatArray.
    new P0, 'ResizableIntegerArray'
    push P0, 1
    push P0, 2
    push P0, 3
    set I0, P0[-1]
    say I0
    set P0[-3], 10
    set I0, P0[0]
    say I0
    new P1, 'ResizableStringArray'
    push P1, "a"
    push P1, "b"
    set S0, P1[-2]
    say S0
    new P2, 'ResizableFloatArray'
    push P2, 1.5
    push P2, 2.5
    set N0, P2[-1]
    say N0
    end
