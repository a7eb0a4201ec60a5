# ResizableStringArray: get_integer and get_number are the element count; empty is false.
    new P0, 'ResizableStringArray'
    unless P0, E
    say "wrong"
E:  say "empty is false"
    push P0, "a"
    push P0, "b c"
    set I0, P0
    say I0
    set N0, P0
    say N0
    if P0, T
    say "wrong"
T:  say "true"
    end
