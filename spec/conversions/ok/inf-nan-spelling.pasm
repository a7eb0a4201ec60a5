# An N that is Inf/NaN prints as inf/nan, but converts to the string Inf/NaN.
    set N0, "Inf"
    say N0
    set S0, N0
    say S0
    neg N0
    set S0, N0
    say S0
    set N1, "NaN"
    say N1
    set S1, N1
    say S1
    end
