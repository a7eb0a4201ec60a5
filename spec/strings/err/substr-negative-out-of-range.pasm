# substr with a negative offset before the start throws.
    set S0, "abc"
    substr S1, S0, -4, 1
    say S1
    end
