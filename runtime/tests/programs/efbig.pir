.sub main :main
    .local pmc fh, r, nocb
    null nocb
    $S0 = repeat "x", 70000
    fh = open "{o}", "w"
    print fh, $S0
    say "first 70000 bytes: written"
    push_eh sync_failed
    print fh, $S0
    say "not reached"
sync_failed:
    get_results "0", $P0
    pop_eh
    print "sync: "
    say $P0
    r = print fh, $S0, nocb
    wait r
    $P0 = r.'error'()
    print "async: "
    say $P0
    close fh
.end
