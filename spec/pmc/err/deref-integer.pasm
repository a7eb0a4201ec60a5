# An Integer has no get_pmc: it refers to nothing.
    new P1, "Integer"
    deref P0, P1
    end
