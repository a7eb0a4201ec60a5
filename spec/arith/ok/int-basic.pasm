# add sub mul on I registers in the 2- and 3-operand forms, with constants on either side.
    set I0, 7
    add I1, I0, 5
    say I1
    sub I1, 5, I0
    say I1
    mul I1, I0, -3
    say I1
    add I0, 10
    say I0
    sub I0, 20
    say I0
    mul I0, I0
    say I0
    end
