# Integer div truncates toward zero, for every sign combination.
    set I1, 7
    set I2, -7
    div I0, I1, 2
    say I0
    div I0, I2, 2
    say I0
    div I0, I1, -2
    say I0
    div I0, I2, -2
    say I0
    div I0, 6, I1
    say I0
    end
