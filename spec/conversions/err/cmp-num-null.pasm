# A typed comparison on a null PMC names the vtable slot it called.
    null P0
    box P1, 1
    lt_num P0, P1, L
L:  say "not reached"
    end
