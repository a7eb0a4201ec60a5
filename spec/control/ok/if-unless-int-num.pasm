# if/unless on I and N: nonzero is true; 0 and 0.0 are false.
    set I0, 2
    if I0, A
    say "wrong"
A:  set I0, 0
    unless I0, B
    say "wrong"
B:  set N0, 0.5
    if N0, C
    say "wrong"
C:  set N0, 0.0
    if N0, D
    say "0.0 is false"
D:  set N0, -0.0
    unless N0, E
    say "wrong"
E:  say "done"
    end
