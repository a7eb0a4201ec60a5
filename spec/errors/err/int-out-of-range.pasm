# An integer literal beyond 64 bits is an assembly error.
    set I0, 9223372036854775808
    end
