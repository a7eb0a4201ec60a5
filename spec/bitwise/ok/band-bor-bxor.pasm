# band bor bxor on I, 2- and 3-operand forms.
    set I1, 12
    set I2, 10
    band I0, I1, I2
    say I0
    bor I0, I1, I2
    say I0
    bxor I0, I1, 10
    say I0
    set I1, 0xff
    band I1, 0x0f
    say I1
    bor I1, 0x100
    say I1
    bxor I1, I1
    say I1
    end
