# fdiv on I floors toward negative infinity; on N it is floor(a/b).
    set I1, 7
    set I2, -7
    fdiv I0, I1, 2
    say I0
    fdiv I0, I2, 2
    say I0
    fdiv I0, I1, -2
    say I0
    fdiv I0, I2, -2
    say I0
    set N0, -7.0
    fdiv N1, N0, 2.0
    say N1
    set N0, 7.5
    fdiv N1, N0, 2.0
    say N1
    end
