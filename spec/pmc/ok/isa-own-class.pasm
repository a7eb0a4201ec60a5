# isa is true for the PMC's own class and false for unrelated classes.
    new P0, 'Integer'
    isa I0, P0, 'Integer'
    say I0
    isa I0, P0, 'Float'
    say I0
    new P1, 'ResizableIntegerArray'
    isa I0, P1, 'ResizableIntegerArray'
    say I0
    new P2, 'Hash'
    isa I0, P2, 'ResizablePMCArray'
    say I0
    isa I0, P2, 'Hash'
    say I0
    end
