# Integer get_string/get_integer/get_number/get_bool: decimal text, 0 is false, negatives true.
    new P0, 'Integer'
    set P0, -42
    set S0, P0
    say S0
    set I0, P0
    say I0
    set N0, P0
    say N0
    if P0, T1
    say "false"
T1: say "true"
    set P0, 0
    if P0, T2
    say "zero is false"
T2: set S1, P0
    say S1
    end
