# eq compares values; eq_addr compares identity, so an equal clone is not the same PMC.
    new P0, 'Integer'
    set P0, 3
    clone P1, P0
    set P2, P0
    eq P0, P1, A
    say "no"
A:  eq_addr P0, P1, BAD
    say "clone: equal, not same"
    eq_addr P0, P2, B
    say "no"
B:  say "alias: same"
    end
BAD: say "wrong"
    end
