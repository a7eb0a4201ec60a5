# Register numbers are 0-255; I256 is an assembly error.
    set I256, 1
    end
