# concat: 3-operand and in-place forms; S and constant operands.
    set S0, "foo"
    concat S1, S0, "bar"
    say S1
    concat S1, "<", S1
    say S1
    concat S1, S1
    say S1
    concat S2, S0, S0
    say S2
    end
