# interpinfo .INTERPINFO_CURRENT_CONT gives the running sub's return continuation: invoked
# anywhere below, it returns from that sub to its caller with the values passed to it.
.include 'interpinfo.pasm'
.sub 'main' :main
    $S0 = 'outer'()
    say $S0
    $I0 = 'counted'()
    say $I0
.end

.sub 'outer'
    .local pmc cc
    cc = interpinfo .INTERPINFO_CURRENT_CONT
    'inner'(cc)
    .return ("not this")
.end

.sub 'inner'
    .param pmc cc
    cc("returned for outer")
.end

.sub 'counted'
    $P0 = interpinfo .INTERPINFO_CURRENT_CONT
    $P0(42)
.end
