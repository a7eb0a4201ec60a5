# PMC comparisons use the PMC's value against P, I, N or S operands.
    new P0, 'Integer'
    set P0, 7
    new P1, 'Integer'
    set P1, 7
    eq P0, P1, A
    say "wrong"
A:  lt P0, 8, B
    say "wrong"
B:  gt P0, 6.5, C
    say "wrong"
C:  new P2, 'String'
    set P2, "abc"
    eq P2, "abc", D
    say "wrong"
D:  eq_addr P0, P1, E
    say "equal values, different objects"
E:  end
