# set_result_info stores a PMC in the running sub's frame; result_info in a sub it calls
# gives that same PMC (here a FixedIntegerArray whose size is set after it was stored), or an
# empty FixedIntegerArray when the caller stored none. Each new call starts with none.
.sub 'main' :main
    'count'()
    $P0 = new 'FixedIntegerArray'
    set_result_info $P0
    $P0 = 2
    'count'()
    'nested'()
.end

.sub 'count'
    $P0 = result_info
    $I0 = elements $P0
    $S0 = typeof $P0
    print $S0
    print " "
    say $I0
.end

.sub 'nested'
    'count'()
.end
