# The collector's ops: sweep 1 and collect run a collection before the next op; sweepoff
# holds collections off until sweepon.
    .include "interpinfo.pasm"
    interpinfo I0, .INTERPINFO_GC_MARK_RUNS
    sweep 1
    interpinfo I1, .INTERPINFO_GC_MARK_RUNS
    sub I2, I1, I0
    say I2
    sweepoff
    collectoff
    collect
    interpinfo I3, .INTERPINFO_GC_MARK_RUNS
    sub I2, I3, I1
    say I2
    collecton
    sweepon
    sweep 1
    interpinfo I3, .INTERPINFO_GC_MARK_RUNS
    sub I2, I3, I1
    say I2
    new P0, 'Integer'
    needs_destroy P0
    interpinfo I4, .INTERPINFO_IMPATIENT_PMCS
    say I4
    null P0
    sweep 0
    interpinfo I4, .INTERPINFO_IMPATIENT_PMCS
    say I4
    end
