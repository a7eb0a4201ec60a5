# repeat S, S, n concatenates n copies; n = 0 gives the empty string.
    repeat S0, "ab", 3
    say S0
    repeat S0, "xyz", 0
    length I0, S0
    say I0
    set I1, 4
    repeat S1, "-", I1
    say S1
    end
