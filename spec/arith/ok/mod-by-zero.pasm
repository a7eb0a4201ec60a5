# mod by zero returns the dividend (I and N) instead of throwing.
    set I1, 0
    mod I0, 17, I1
    say I0
    mod I0, -5, I1
    say I0
    set N1, 0.0
    set N0, 2.5
    mod N2, N0, N1
    say N2
    say "still running"
    end
