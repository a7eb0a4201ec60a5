# ResizablePMCArray: push pop shift unshift, elements, keyed get/set, negative index.
    new P0, 'ResizablePMCArray'
    push P0, 1
    push P0, "two"
    push P0, 3.5
    unshift P0, 0
    elements I0, P0
    say I0
    shift I1, P0
    say I1
    pop N0, P0
    say N0
    set S0, P0[-1]
    say S0
    set P0[4], 9
    elements I0, P0
    say I0
    say P0
    end
