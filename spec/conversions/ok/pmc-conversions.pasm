# Integer/Float/String PMCs convert to I, N and S through get_integer/number/string.
    new P0, 'Float'
    set P0, 2.75
    set I0, P0
    say I0
    set S0, P0
    say S0
    new P1, 'String'
    set P1, "3.5e1"
    set N0, P1
    say N0
    set I0, P1
    say I0
    new P2, 'Integer'
    set P2, "12abc"
    say P2
    end
