# An argument list that never closes, or a body with no .endm, reaches the end of the file.
.macro m(A)
    print .A
.endm
    .m(1,
    end
