# Undef: "" as a string, 0 as int and num, false, not defined.
    new P0, 'Undef'
    set S0, P0
    print "["
    print S0
    say "]"
    set I0, P0
    say I0
    set N0, P0
    say N0
    unless P0, F
    say "wrong"
F:  say "false"
    defined I1, P0
    say I1
    end
