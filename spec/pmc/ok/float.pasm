# Float PMC: set, arithmetic, string form uses %.15g.
    new P0, 'Float'
    set P0, 1.5
    mul P0, 2.0
    say P0
    add P0, 0.25
    say P0
    set I0, P0
    say I0
    typeof S0, P0
    say S0
    end
