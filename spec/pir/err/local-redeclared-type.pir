.sub main :main
    .local pmc ex
    .local int ex
    ex = 1
.end
