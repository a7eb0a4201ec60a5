# handle_types: a handler takes only the listed types; others go on to the outer handler.
.sub main :main
    .local pmc outer, inner
    outer = new 'ExceptionHandler'
    set_addr outer, h_outer
    push_eh outer
    inner = new 'ExceptionHandler'
    set_addr inner, h_inner
    inner.'handle_types'(29)
    push_eh inner
    $I0 = 1
    $I1 = 0
    $I2 = $I0 / $I1
    say "not reached"
h_inner:
    get_results "0", $P0
    pop_eh
    $S0 = $P0
    print "inner: "
    say $S0
    die "other"
h_outer:
    get_results "0", $P0
    pop_eh
    $S0 = $P0
    print "outer: "
    say $S0
.end
