# stdout: whatever mix of sync and async ops wrote to it, the bytes appear in program order.
.sub main :main
    .local pmc nocb
    null nocb
    print "1 sync\n"
    $P0 = print "2 async\n", nocb
    say "3 sync"
    $P1 = say "4 async", nocb
    $P2 = print 5, nocb
    $P3 = print " async int\n", nocb
    print "6 sync\n"
    wait $P3
    $P5 = getstdout
    $P4 = print $P5, "7 async through the stdout handle\n", nocb
    wait $P4
.end
