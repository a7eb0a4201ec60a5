.sub main :main
    .local pmc nocb, r
    null nocb
    r = open "{s}", "r", nocb
    wait r
    $P0 = r.'error'()
    print "async: "
    say $P0
    push_eh caught
    $P1 = open "{s}", "r"
caught:
    get_results "0", $P2
    print "sync:  "
    say $P2
.end
