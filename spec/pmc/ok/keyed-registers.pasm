# Keys may be int or string registers as well as constants.
    new P0, 'ResizablePMCArray'
    set I0, 2
    set P0[I0], "two"
    set S0, P0[2]
    say S0
    new P1, 'Hash'
    set S1, "k"
    set P1[S1], 10
    set I1, P1["k"]
    say I1
    set P1["j"], I0
    set I2, P1[S1]
    set I3, P1["j"]
    add I2, I2, I3
    say I2
    end
