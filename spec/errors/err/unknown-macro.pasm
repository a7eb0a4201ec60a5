# Using a macro or constant that was never defined is an assembly error.
    .nosuch(1)
    end
