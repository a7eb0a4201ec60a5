# A Hash has no set_pmc.
    new P0, "Hash"
    new P1, "Integer"
    setref P0, P1
    end
