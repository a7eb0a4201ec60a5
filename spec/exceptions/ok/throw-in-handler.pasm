# An exception thrown inside a handler (after its pop_eh) goes to the next outer handler.
    push_eh OUTER
    push_eh INNER
    die "first"
INNER:
    get_results "0", P0
    pop_eh
    print "inner got "
    say P0
    die "second"
OUTER:
    get_results "0", P1
    pop_eh
    print "outer got "
    say P1
    end
