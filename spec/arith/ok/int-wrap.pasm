# I registers wrap around on overflow (two's complement, 64-bit).
    set I0, 9223372036854775807
    add I0, 1
    say I0
    sub I0, 1
    say I0
    set I1, 4611686018427387904
    mul I1, 2
    say I1
    set I2, -9223372036854775808
    neg I2
    say I2
    abs I3, I2
    say I3
    end
