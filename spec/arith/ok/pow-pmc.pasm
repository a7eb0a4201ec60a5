# pow on PMCs gives a new PMC of the target's type (a Float when the target is null),
# set to the number; pow N, N, I multiplies by repeated squaring.
    new P1, 'Integer'
    set P1, 3
    pow P0, P1, 2
    typeof S0, P0
    print S0
    print " "
    say P0
    new P0, 'String'
    pow P0, P1, 0.5
    typeof S0, P0
    print S0
    print " "
    say P0
    new P2, 'Float'
    set P2, 2.0
    pow P0, P1, P2
    say P0
    set N1, 2.0
    pow N0, N1, -2
    say N0
    set I1, 10
    pow N0, 1.5, I1
    say N0
    end
