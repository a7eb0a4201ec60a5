# An unknown sprintf conversion names itself and its sequence.
    new P0, 'ResizablePMCArray'
    push P0, 1
    sprintf S0, "[%5F]", P0
    say "not reached"
    end
