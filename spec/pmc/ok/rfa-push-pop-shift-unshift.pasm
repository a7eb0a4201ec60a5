# ResizableFloatArray push/pop/shift/unshift; ints convert to nums.
    new P0, 'ResizableFloatArray'
    push P0, 1.5
    push P0, 2
    unshift P0, 0.25
    elements I0, P0
    say I0
    pop N0, P0
    say N0
    shift N1, P0
    say N1
    set N2, P0[0]
    say N2
    end
