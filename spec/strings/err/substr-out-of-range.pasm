# substr with an offset past the end of the string throws.
    set S0, "abc"
    substr S1, S0, 5, 1
    say S1
    end
