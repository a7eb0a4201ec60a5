# Every one-input math op takes an I register as its input, read as a number (IMCC loads
# it into a temporary N): `sin N0, I1` is `sin N0, N1` with N1 = 1.0.
    set I1, 1
    sqrt N0, I1
    say N0
    floor N0, I1
    say N0
    ceil N0, I1
    say N0
    acos N0, I1
    say N0
    acot N0, I1
    say N0
    asec N0, I1
    say N0
    asin N0, I1
    say N0
    atan N0, I1
    say N0
    cos N0, I1
    say N0
    cosh N0, I1
    say N0
    cot N0, I1
    say N0
    coth N0, I1
    say N0
    csc N0, I1
    say N0
    exp N0, I1
    say N0
    ln N0, I1
    say N0
    log10 N0, I1
    say N0
    log2 N0, I1
    say N0
    sec N0, I1
    say N0
    sech N0, I1
    say N0
    sin N0, I1
    say N0
    sinh N0, I1
    say N0
    tan N0, I1
    say N0
    tanh N0, I1
    say N0
    covers N0, I1
    say N0
    exsec N0, I1
    say N0
    hav N0, I1
    say N0
    vers N0, I1
    say N0
    set I2, 2
    atan N0, 1.0, I2
    say N0
    atan N0, I1, I2
    say N0
    cmod N0, I2, 1.5
    say N0
    cmod N0, I2, I1
    say N0
    rand N0, I1
    isgt I0, N0, 1.0
    say I0
    end
