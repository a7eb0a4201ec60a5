# Hash: get_integer and get_number are the number of keys; get_bool is true when non-empty.
    new P0, 'Hash'
    unless P0, E
    say "wrong"
E:  say "empty is false"
    set P0["a"], 1
    set P0["b"], 2
    set I0, P0
    say I0
    set N0, P0
    say N0
    if P0, T
    say "wrong"
T:  say "true"
    end
