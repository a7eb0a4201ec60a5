# An attribute the class did not declare cannot be read or set.
    newclass P0, "Point"
    addattribute P0, "x"
    new P1, "Point"
    new P2, 'Integer'
    set P2, 3
    setattribute P1, "x", P2
    getattribute P3, P1, "x"
    say P3
    typeof S0, P1
    say S0
    getattribute P4, P1, "y"
    end
