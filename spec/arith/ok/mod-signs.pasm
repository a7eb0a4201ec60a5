# Integer mod is floored: the result has the divisor's sign.
    set I1, 7
    set I2, -7
    mod I0, I1, 3
    say I0
    mod I0, I2, 3
    say I0
    mod I0, I1, -3
    say I0
    mod I0, I2, -3
    say I0
    set I3, 6
    mod I0, I3, -3
    say I0
    end
