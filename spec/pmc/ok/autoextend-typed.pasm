# Writing past the end of a typed resizable array grows it; the gap reads as 0, "" or 0.
    new P0, 'ResizableIntegerArray'
    set P0[3], 9
    elements I0, P0
    say I0
    say P0
    new P1, 'ResizableStringArray'
    set P1[2], "z"
    elements I0, P1
    say I0
    set S0, P1[0]
    length I1, S0
    say I1
    new P2, 'ResizableFloatArray'
    set P2[1], 2.5
    set N0, P2[0]
    say N0
    end
