# An error inside an expansion points at the call and names the macro.
.macro bad(A)
    frobnicate .A
.endm
    .bad(1)
    end
