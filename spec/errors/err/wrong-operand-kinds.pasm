# An op name with no variant for the given operand kinds is an assembly error.
    set S0, "a"
    concat S0, "b", 1
    end
