# cmp gives -1, 0 or 1 for I, N and S operands.
    set I1, 3
    cmp I0, I1, 5
    say I0
    cmp I0, I1, 3
    say I0
    set N1, 2.5
    cmp I0, N1, 1.0
    say I0
    set S1, "b"
    cmp I0, S1, "a"
    say I0
    cmp I0, S1, "bb"
    say I0
    end
