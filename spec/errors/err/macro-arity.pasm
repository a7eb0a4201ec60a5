# Calling a macro with the wrong number of arguments is an assembly error.
.macro two(a, b)
    say .a
    say .b
.endm
    .two(1)
    end
