# An unknown directive is an assembly error.
.frobnicate 'x'
    end
