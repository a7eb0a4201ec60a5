# FixedPMCArray: get_string/get_integer/get_number are the size; size 0 is false.
    new P0, 'FixedPMCArray'
    unless P0, E
    say "wrong"
E:  say "size 0 is false"
    set P0, 3
    set S0, P0
    say S0
    set I0, P0
    say I0
    set N0, P0
    say N0
    if P0, T
    say "wrong"
T:  say "true"
    end
