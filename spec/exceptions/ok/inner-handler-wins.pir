# The innermost handler catches: a sub's own handler runs before the caller's.
.sub main :main
    push_eh outer
    f()
    say "main continues"
    pop_eh
    .return ()
outer:
    get_results "0", $P0
    say "outer caught"
.end

.sub f
    push_eh inner
    die "oops"
inner:
    get_results "0", $P0
    pop_eh
    print "inner caught: "
    say $P0
.end
