# typeof gives the type name; isa tests it.
    new P0, 'ResizablePMCArray'
    typeof S0, P0
    say S0
    new P1, 'Hash'
    typeof S0, P1
    say S0
    isa I0, P1, 'Hash'
    say I0
    isa I0, P1, 'Integer'
    say I0
    end
