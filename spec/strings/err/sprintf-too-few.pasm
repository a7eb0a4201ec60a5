# Too few arguments: Parrot reads a null PMC and fails in the vtable the conversion calls.
    new P0, 'ResizablePMCArray'
    push P0, 1
    sprintf S0, "%d and %d", P0
    say "not reached"
    end
