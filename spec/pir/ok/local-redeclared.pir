.sub main :main
    .local pmc ex, other
    ex = new 'Integer'
    ex = 5
    .local pmc ex
    say ex
    .local int n
    n = 3
    .local int n
    inc n
    say n
.end
