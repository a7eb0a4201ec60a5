# The transcendental ops (Parrot's trans dynops; always loaded in Kea), on N and on I.
    set N1, 0.5
    sin N0, N1
    say N0
    cos N0, N1
    say N0
    tan N0, N1
    say N0
    sec N0, N1
    say N0
    csc N0, N1
    say N0
    cot N0, N1
    say N0
    asin N0, N1
    say N0
    acos N0, N1
    say N0
    atan N0, N1
    say N0
    set N2, 2.0
    asec N0, N2
    say N0
    acot N0, N2
    say N0
    sinh N0, N1
    say N0
    cosh N0, N1
    say N0
    tanh N0, N1
    say N0
    sech N0, N1
    say N0
    coth N0, N1
    say N0
    exp N0, 1
    say N0
    ln N0, N2
    say N0
    log10 N0, 1000
    say N0
    log2 N0, 1024
    say N0
    atan N0, 1.0, -1.0
    say N0
    set I1, 1
    atan N0, I1, 1
    say N0
    cos N0, I1
    say N0
    ln N0, 0
    say N0
    sqrt N0, -1
    say N0
    end
