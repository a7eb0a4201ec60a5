# FixedIntegerArray: get_string is "[ ... ]" of the elements; get_integer/get_number the size.
    new P0, 'FixedIntegerArray'
    say P0
    set P0, 3
    set P0[0], 7
    set P0[2], -1
    say P0
    set I0, P0
    say I0
    set N0, P0
    say N0
    if P0, T
    say "wrong"
T:  say "true"
    end
