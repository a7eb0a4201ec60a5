# A .macro_const may name a register, which can then be assigned to.
.macro_const firstreg $S0
.sub main :main
    .firstreg = "Hello"
    say .firstreg
.end
