# shl shifts left (bits fall off the top); shr is arithmetic (sign-extending); lsr is logical.
    set I1, 1
    shl I0, I1, 10
    say I0
    shl I0, I1, 63
    say I0
    set I2, -16
    shr I0, I2, 2
    say I0
    lsr I0, I2, 60
    say I0
    set I3, 1024
    shr I0, I3, 3
    say I0
    set I1, 3
    shl I2, I1, I1
    say I2
    end
