# Shifting an exhausted iterator throws StopIteration.
    new P0, 'ResizablePMCArray'
    push P0, 1
    iter P1, P0
    shift I0, P1
    say I0
    shift I0, P1
    say "not reached"
    end
