# The interpreter's switches: accepted, kept, and (but for the run core) without effect on
# what a program prints.
    .include "errors.pasm"
    errorson .PARROT_ERRORS_RESULT_COUNT_FLAG
    errorsoff .PARROT_ERRORS_RESULT_COUNT_FLAG
    warningson 1
    warningsoff 1
    trace 0
    debug 0
    bounds 1
    profile 0
    gc_debug 0
    set_runcore "slow"
    set_runcore "fast"
    .include "interpinfo.pasm"
    interpinfo I0, .INTERPINFO_CURRENT_RUNCORE
    say I0
    interpinfo S0, .INTERPINFO_CURRENT_RUNCORE
    say S0
    interpinfo I0, .INTERPINFO_PARROT_INTSIZE
    say I0
    interpinfo I0, .INTERPINFO_PARROT_INTMAX
    say I0
    getinterp P0
    typeof S0, P0
    say S0
    set I1, P0[.INTERPINFO_CURRENT_RUNCORE]
    say I1
    interpinfo P1, .INTERPINFO_CURRENT_SUB
    typeof S0, P1
    say S0
    end
