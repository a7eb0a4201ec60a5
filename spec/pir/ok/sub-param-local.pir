# .sub/.param/.local: parameters and locals are registers the assembler allocates.
.sub main :main
    .local int total
    .local string label
    total = add3(1, 2, 3)
    label = "sum: "
    print label
    say total
.end

.sub add3
    .param int a
    .param int b
    .param int c
    .local int s
    s = a + b
    s += c
    .return (s)
.end
