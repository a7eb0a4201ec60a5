# ResizablePMCArray: get_string, get_integer and get_number are the element count; empty is false.
    new P0, 'ResizablePMCArray'
    unless P0, E
    say "wrong"
E:  say "empty is false"
    push P0, "a"
    push P0, "b"
    push P0, "c"
    set S0, P0
    say S0
    set I0, P0
    say I0
    set N0, P0
    say N0
    if P0, T
    say "wrong"
T:  say "non-empty is true"
    end
