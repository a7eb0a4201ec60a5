# ResizableStringArray push/pop/shift/unshift; ints and nums are stored as their text.
    new P0, 'ResizableStringArray'
    push P0, "b"
    push P0, 42
    unshift P0, "a"
    push P0, 1.5
    elements I0, P0
    say I0
    pop S0, P0
    say S0
    pop S0, P0
    say S0
    shift S0, P0
    say S0
    end
