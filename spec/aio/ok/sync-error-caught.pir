# A sync op that fails throws a catchable exception carrying the OS error text; the async form
# of the same op reports the same text through its request, and `throw` rethrows it.
.sub main :main
    .local pmc nocb, r
    push_eh caught
    $P0 = open "/nonexistent/kea-spec/missing.txt", "r"
    say "not reached"
caught:
    get_results "0", $P1
    pop_eh
    $S0 = $P1
    print "sync:  "
    say $S0
    null nocb
    r = open "/nonexistent/kea-spec/missing.txt", "r", nocb
    wait r
    push_eh caught2
    r.'throw'()
    say "not reached"
caught2:
    get_results "0", $P2
    pop_eh
    $S0 = $P2
    print "async: "
    say $S0
.end
