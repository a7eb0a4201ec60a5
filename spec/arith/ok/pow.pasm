# pow: N ** N gives N; pow on I gives I; x ** 0 is 1; negative and fractional exponents on N.
    set N1, 2.0
    pow N0, N1, 10.0
    say N0
    pow N0, N1, -1.0
    say N0
    set N2, 9.0
    pow N0, N2, 0.5
    say N0
    set I1, 3
    pow N0, N1, I1
    say N0
    set I0, 3
    pow I2, I0, 4
    say I2
    pow I2, I0, 0
    say I2
    end
