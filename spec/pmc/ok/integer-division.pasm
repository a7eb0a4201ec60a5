# Integer PMC division: by an Integer stays integral, by a plain number gives a Float, by a
# Float PMC gives a truncated Integer.
    new P0, 'Integer'
    set P0, -7
    div P1, P0, 2
    say P1
    typeof S0, P1
    say S0
    new P2, 'Float'
    set P2, 2.0
    div P3, P0, P2
    say P3
    typeof S0, P3
    say S0
    new P4, 'Integer'
    set P4, 41
    new P5, 'Integer'
    set P5, 5
    div P6, P4, P5
    say P6
    new P7, 'Integer'
    set P7, 1
    div P7, 2
    say P7
    end
