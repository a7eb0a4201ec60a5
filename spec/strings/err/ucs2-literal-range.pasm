# A ucs2 literal holds nothing beyond U+FFFF: an assembly error.
    set S0, ucs2:"\x{12345}"
    end
