# cmp_pmc of two different PMCs: no core PMC implements it, so Parrot's multiple dispatch
# finds no candidate (type 44, EXCEPTION_METHOD_NOT_FOUND).
    box P0, 1
    box P1, 2
    cmp_pmc P2, P0, P1
    say "not reached"
    end
