# Requests on one handle complete in submission order, and callbacks run in completion
# order; sync and async writes to one handle land in program order.
.sub main :main
    .local pmc fh, cb
    cb = get_global 'report'
    fh = open "/tmp/kea-spec-aio-order.txt", "w"
    $P1 = write fh, "one ", cb
    print fh, "two "
    $P2 = print fh, "three ", cb
    $P3 = write fh, "four\n", cb
    close fh
    fh = open "/tmp/kea-spec-aio-order.txt", "r"
    $S0 = readline fh
    print $S0
    close fh
.end

.sub report
    .param pmc r
    $I0 = r.'bytes'()
    $S0 = r.'state'()
    print "callback: "
    print $S0
    print "\n"
.end
