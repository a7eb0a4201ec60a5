# set S, N formats with %.15g: no trailing .0, exponent with at least 2 digits.
    set N0, 1.0
    set S0, N0
    say S0
    set N0, 0.1
    set S0, N0
    say S0
    set N0, 1e15
    set S0, N0
    say S0
    set N0, 123456789012345.0
    set S0, N0
    say S0
    set N0, 2.5e-5
    set S0, N0
    say S0
    set N0, -0.0
    set S0, N0
    say S0
    end
