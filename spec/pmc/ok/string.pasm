# String PMC: set, concat, numeric conversion, assigning an int keeps it a String.
    new P0, 'String'
    set P0, "hello"
    concat P1, P0, " world"
    say P1
    set P0, 77
    say P0
    typeof S0, P0
    say S0
    set I0, P0
    add I0, 1
    say I0
    end
