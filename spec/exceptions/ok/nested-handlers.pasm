# The innermost handler catches first; after pop_eh the outer one is active again.
    push_eh OUTER
    push_eh INNER
    die "one"
INNER:
    get_results "0", P0
    pop_eh
    say "inner caught"
    die "two"
OUTER:
    get_results "0", P0
    pop_eh
    set S0, P0
    print "outer caught "
    say S0
    end
