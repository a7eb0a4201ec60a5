# Integer op Float PMC gives a Float; Float op Integer gives a Float; mul/sub too.
    new P0, 'Integer'
    set P0, 3
    new P1, 'Float'
    set P1, 0.5
    add P2, P0, P1
    typeof S0, P2
    say S0
    say P2
    mul P3, P1, P0
    typeof S0, P3
    say S0
    say P3
    sub P4, P0, P1
    say P4
    mul P5, P0, P0
    typeof S0, P5
    say S0
    end
