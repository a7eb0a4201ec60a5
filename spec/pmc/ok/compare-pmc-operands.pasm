# eq/lt/gt on PMCs compare against I, N, S and PMC operands by value.
    new P0, 'Integer'
    set P0, 5
    eq P0, 5, A
    say "no"
A:  lt P0, 5.5, B
    say "no"
B:  eq P0, "5", C
    say "no"
C:  new P1, 'Float'
    set P1, 5.0
    eq P0, P1, D
    say "no"
D:  new P2, 'Integer'
    set P2, 9
    gt P2, P0, E
    say "no"
E:  ne P0, P2, F
    say "no"
F:  say "all compared as expected"
    end
