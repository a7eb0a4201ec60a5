# IMCC's macro errors: a name must be an identifier, parameters are identifiers in
# parentheses, a macro with parameters needs its arguments, and .$x only stands in a body.
.macro 42(A)
.endm
.macro two(A, B
.endm
.macro pair(A, B)
    print .A
.endm
    .pair
    .pair(1, 2, 3)
    branch .$nowhere
    end
