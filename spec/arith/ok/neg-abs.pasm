# neg and abs on I and N, in place and into another register.
    set I0, 5
    neg I0
    say I0
    neg I1, I0
    say I1
    abs I0
    say I0
    set N0, -2.5
    abs N1, N0
    say N1
    neg N0
    say N0
    set N2, 0.0
    neg N2
    say N2
    end
