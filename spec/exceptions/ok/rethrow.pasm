# rethrow passes a caught exception to the next outer handler.
    push_eh OUTER
    push_eh INNER
    die "original"
INNER:
    get_results "0", P0
    pop_eh
    say "inner saw it"
    rethrow P0
OUTER:
    get_results "0", P1
    pop_eh
    set S0, P1
    print "outer: "
    say S0
    end
