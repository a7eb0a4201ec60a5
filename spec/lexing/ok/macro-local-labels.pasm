# .label $x: in a macro body is a label of that expansion alone, .$x refers to it; an
# argument in braces is passed verbatim, commas and lines included; .NAME alone expands a
# macro with no parameters.
.macro skip_unless_42(A)
    ne .A, 42, .$done
    say .A
.label $done:
.endm
.macro run(CODE)
    .CODE
.endm
.macro hello
    say "hello"
.endm
    set I0, 42
    .skip_unless_42(I0)
    .skip_unless_42(I0)
    inc I0
    .skip_unless_42(I0)
    .run({set S0, "a, b"
    say S0})
    .hello
    end
