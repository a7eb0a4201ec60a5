# \u needs its four hex digits unless the literal ends; \x needs at least one.
    set S0, "x\u12y"
    set S1, "x\xy"
    end
