# eq ne lt le gt ge on N, including against constants; NaN compares unequal to everything.
    set N0, 1.5
    eq N0, 1.5, A
    say "wrong"
A:  lt N0, 2.0, B
    say "wrong"
B:  ge 2.0, N0, C
    say "wrong"
C:  set N1, "NaN"
    eq N1, N1, D
    say "NaN != NaN"
D:  ne N1, N1, E
    say "wrong"
E:  say "done"
    end
