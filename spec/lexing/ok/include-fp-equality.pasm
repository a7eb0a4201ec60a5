# fp_equality.pasm's macros compare numbers within 0.000001; pmctypes.pasm and signal.pasm
# give Parrot's PMC type and signal numbers.
.include "fp_equality.pasm"
.include "pmctypes.pasm"
.include "signal.pasm"
    set N0, 0.1
    add N0, 0.2
    .fp_eq_pasm(N0, 0.3, EQ)
    say "not equal"
    end
EQ:
    say "equal within the tolerance"
    .fp_ne_pasm(N0, 0.31, NE)
    say "not different"
    end
NE:
    say "different"
    set I0, .Integer
    say I0
    set I1, .SIGINT
    say I1
    end
