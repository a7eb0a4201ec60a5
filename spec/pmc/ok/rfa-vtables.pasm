# ResizableFloatArray: get_integer is the element count; empty is false; elements read back as %.15g.
    new P0, 'ResizableFloatArray'
    unless P0, E
    say "wrong"
E:  say "empty is false"
    push P0, 1.5
    push P0, 2.0
    push P0, -0.25
    set I0, P0
    say I0
    set S0, P0[1]
    say S0
    if P0, T
    say "wrong"
T:  say "true"
    end
