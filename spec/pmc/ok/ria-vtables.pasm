# ResizableIntegerArray: get_string is "[ a, b ]", get_integer/get_number the count, empty is false.
    new P0, 'ResizableIntegerArray'
    say P0
    unless P0, E
    say "wrong"
E:  push P0, 1
    push P0, -2
    push P0, 30
    say P0
    set I0, P0
    say I0
    set N0, P0
    say N0
    if P0, T
    say "wrong"
T:  say "true"
    end
