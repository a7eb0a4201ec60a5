# A sub held in a .local pmc (from get_global) is called like a named sub; results come back.
.sub main :main
    .local pmc f
    f = get_global "add3"
    $I0 = f(1, 2, 3)
    say $I0
    $S0 = typeof f
    say $S0
.end

.sub add3
    .param int a
    .param int b
    .param int c
    $I0 = a + b
    $I0 += c
    .return ($I0)
.end
