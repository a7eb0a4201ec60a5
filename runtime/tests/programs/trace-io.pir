.sub main :main
    null $P1
    $P0 = print "hi\n", $P1
    wait $P0
    $P2 = open "/nonexistent/kea-trace", "r", $P1
    wait $P2
.end
