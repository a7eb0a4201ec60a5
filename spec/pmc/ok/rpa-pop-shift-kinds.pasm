# pop/shift from a ResizablePMCArray into I, N, S or P registers converts the element.
    new P0, 'ResizablePMCArray'
    push P0, "12"
    push P0, 2.5
    push P0, 7
    pop S0, P0
    say S0
    pop I0, P0
    say I0
    shift N0, P0
    say N0
    elements I1, P0
    say I1
    end
