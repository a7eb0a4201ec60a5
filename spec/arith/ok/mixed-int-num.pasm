# An I register or integer constant may stand where an N op wants a number: it is read as a
# number (IMCC converts it the same way), so `sub N0, N1, I2` is `sub N0, N1, N2`.
    set N1, 7.5
    set I1, 2
    set I2, 3
    sub N0, N1, I1
    say N0
    add N0, I1, N1
    say N0
    mul N0, I1, I2
    say N0
    div N0, I2, I1
    say N0
    mod N0, N1, I1
    say N0
    fdiv N0, I2, 2
    say N0
    set N0, 1.5
    add N0, I2
    say N0
    neg N0, I2
    say N0
    abs N0, I2
    say N0
    pow N0, I2, 2.0
    say N0
    pow N0, I2, I1
    say N0
    pow N0, 2.0, I2
    say N0
    lt I1, 2.5, LESS
    say "not taken"
LESS:
    eq N1, I1, EQUAL
    say "7.5 is not 2"
EQUAL:
    end
