# .macro NAME(params) ... .endm expands at each use; .param refers to a parameter.
.macro print2(a, b)
    print .a
    print " "
    say .b
.endm
    .print2(1, "one")
    .print2(I0, 2.5)
    set S0, "reg"
    .print2(S0, S0)
    end
