# Exception: get_string is the message ("" when unset), get_bool is always true.
    new P0, 'Exception'
    set S0, P0
    print "["
    print S0
    say "]"
    if P0, T
    say "wrong"
T:  say "true"
    set P0, "boom"
    set S0, P0
    say S0
    set S1, P0["message"]
    say S1
    end
