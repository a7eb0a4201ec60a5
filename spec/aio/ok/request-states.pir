# get_integer: 1 done, 0 pending, -1 failed, -2 cancelled; get_bool is false only when failed.
.sub main :main
    .local pmc r, nocb
    null nocb
    r = print "x\n", nocb
    $I0 = r
    $S0 = r.'state'()
    print $I0
    print " "
    say $S0
    $I1 = 0
    unless r goto f1
    $I1 = 1
f1: say $I1
    wait r
    $I0 = r
    $S0 = r.'state'()
    $I2 = r.'done'()
    print $I0
    print " "
    print $S0
    print " done="
    say $I2
    r = open "/nonexistent/kea-spec/file", "r", nocb
    wait r
    $I0 = r
    $S0 = r.'state'()
    $I1 = 0
    unless r goto f2
    $I1 = 1
f2: print $I0
    print " "
    print $S0
    print " bool="
    say $I1
.end
