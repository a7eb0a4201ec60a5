# Float get_string (%.15g), get_integer (truncates toward zero), get_bool (0.0 is false).
    new P0, 'Float'
    set P0, -2.75
    set S0, P0
    say S0
    set I0, P0
    say I0
    set N0, P0
    say N0
    set P0, 1e20
    say P0
    set P0, 0.1
    say P0
    set P0, 0.0
    unless P0, F
    say "not reached"
F:  say "0.0 is false"
    set P0, -0.5
    if P0, T
    say "wrong"
T:  say "-0.5 is true"
    end
