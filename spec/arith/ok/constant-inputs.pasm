# Ops whose inputs are all constants work as Parrot's assembler makes them work.
    add I0, 1, 2
    say I0
    div I1, 7, 2
    say I1
    mod I2, -7, 2
    say I2
    div N0, 7.0, 2
    say N0
    bnot I3, 5
    say I3
    iseq I4, 3, 3
    say I4
    concat S0, "ab", "cd"
    say S0
    end
