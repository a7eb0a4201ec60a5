# String comparisons are by code point, case-sensitive; "" sorts first.
    set S0, "abc"
    lt S0, "abd", A
    say "wrong"
A:  gt "b", S0, B
    say "wrong"
B:  ge "", S0, C
    say "empty is smallest"
C:  eq S0, "ABC", D
    say "case sensitive"
D:  le S0, "abc", E
    say "wrong"
E:  lt "Z", "a", F
    say "wrong"
F:  say "done"
    end
