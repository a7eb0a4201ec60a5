# A sub found by name is a PMC of type Sub, and two lookups give the same sub.
.pcc_sub :main main:
    find_name P0, "f"
    typeof S0, P0
    say S0
    find_name P1, "f"
    eq_addr P0, P1, SAME
    say "different"
    end
SAME:
    say "same"
    end
.pcc_sub f:
    returncc
