# cmod is C's remainder: it takes the dividend's sign (mod takes the divisor's).
    cmod I0, -7, 3
    say I0
    cmod I0, 7, -3
    say I0
    cmod N0, -7.5, 2.0
    say N0
    set I1, 4
    cmod N0, 9.5, I1
    say N0
    new P1, 'Integer'
    set P1, -7
    cmod P0, P1, 3
    typeof S0, P0
    print S0
    print " "
    say P0
    new P2, 'Integer'
    set P2, 4
    cmod P0, P1, P2
    say P0
    cmod P0, P1, 2.5
    typeof S0, P0
    print S0
    print " "
    say P0
    end
