# eq ne lt le gt ge on I: register/register, register/constant, constant/register, constant/constant.
    set I0, 5
    set I1, 10
    eq I0, 5, A
    say "wrong"
A:  ne 3, I0, B
    say "wrong"
B:  lt I0, I1, C
    say "wrong"
C:  le 5, I0, D
    say "wrong"
D:  gt I1, I0, E
    say "wrong"
E:  ge I0, I1, F
    say "ge false falls through"
F:  lt -1, 0, G
    say "wrong"
G:  eq 1, 2, H
    say "constant eq false falls through"
H:  end
