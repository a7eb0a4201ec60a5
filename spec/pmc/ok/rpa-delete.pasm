# delete on a ResizablePMCArray removes the element and closes the gap.
    new P0, 'ResizablePMCArray'
    push P0, "a"
    push P0, "b"
    push P0, "c"
    delete P0[1]
    elements I0, P0
    say I0
    set S0, P0[1]
    say S0
    end
