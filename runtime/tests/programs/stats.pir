.sub main :main
    $P1 = get_global 'cb'
    $P0 = print "a\n", $P1
    $P0 = print "b\n", $P1
    wait $P0
.end
.sub cb
    .param pmc r
.end
