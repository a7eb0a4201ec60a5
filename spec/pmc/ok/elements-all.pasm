# elements counts items in every container type.
    new P0, 'ResizablePMCArray'
    push P0, 1
    elements I0, P0
    say I0
    new P0, 'ResizableIntegerArray'
    push P0, 1
    push P0, 2
    elements I0, P0
    say I0
    new P0, 'ResizableStringArray'
    push P0, "a"
    push P0, "b"
    push P0, "c"
    elements I0, P0
    say I0
    new P0, 'ResizableFloatArray'
    elements I0, P0
    say I0
    new P0, 'FixedPMCArray'
    set P0, 4
    elements I0, P0
    say I0
    new P0, 'Hash'
    set P0["x"], 1
    set P0["x"], 2
    elements I0, P0
    say I0
    end
