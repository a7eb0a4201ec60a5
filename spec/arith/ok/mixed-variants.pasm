# Every mixed I/N form of the arithmetic ops: an I is read as a number.
    set I1, 7
    set I2, 2
    set N1, 7.0
    set N2, 2.0
    set N0, 1.5
    add N0, I2
    say N0
    add N0, I1, N2
    say N0
    add N0, N1, I2
    say N0
    add N0, I1, I2
    say N0
    set N0, 1.5
    sub N0, I2
    say N0
    sub N0, I1, N2
    say N0
    sub N0, N1, I2
    say N0
    sub N0, I1, I2
    say N0
    set N0, 1.5
    mul N0, I2
    say N0
    mul N0, I1, N2
    say N0
    mul N0, N1, I2
    say N0
    mul N0, I1, I2
    say N0
    set N0, 1.5
    div N0, I2
    say N0
    div N0, I1, N2
    say N0
    div N0, N1, I2
    say N0
    div N0, I1, I2
    say N0
    set N0, 1.5
    mod N0, I2
    say N0
    mod N0, I1, N2
    say N0
    mod N0, N1, I2
    say N0
    mod N0, I1, I2
    say N0
    set N0, 1.5
    fdiv N0, I2
    say N0
    fdiv N0, I1, N2
    say N0
    fdiv N0, N1, I2
    say N0
    fdiv N0, I1, I2
    say N0
    end
