# Float PMC arithmetic: div gives a Float, mod floors, in-place ops keep the Float.
    new P0, 'Float'
    set P0, 7.5
    div P1, P0, 2
    say P1
    typeof S0, P1
    say S0
    new P2, 'Float'
    set P2, -7.5
    mod P3, P2, 2.0
    say P3
    mul P0, 2
    say P0
    typeof S0, P0
    say S0
    end
