# div of two Integer PMCs truncates toward zero; fdiv floors; mod takes the divisor's sign.
    new P0, 'Integer'
    set P0, -7
    new P1, 'Integer'
    set P1, 2
    div P2, P0, P1
    say P2
    fdiv P3, P0, P1
    say P3
    mod P4, P0, P1
    say P4
    set P1, -2
    mod P5, P0, P1
    say P5
    set P0, 7
    mod P6, P0, P1
    say P6
    end
