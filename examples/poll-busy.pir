# kea: stdin=a line from stdin\n
# Polling: submit a request with no callback, then spin on it until it completes.
#
# A request read as an integer says where it is: 0 pending, 1 done, -1 failed,
# -2 cancelled. The loop below never blocks and never yields by hand, yet the request
# completes, because the scheduler takes control back at the end of every slice (`--batch`
# instructions), polls the runtime and fills the request in. How many times the loop spins
# depends on the machine, so it is counted but never printed. (`wait` does the same job
# without burning the CPU; this example shows that polling works too.)
.sub main :main
    .local pmc nocb, req, stdin
    .local int spins
    null nocb                              # a null callback: nobody is called back

    # 1. An asynchronous print to stdout.
    req = print "printed asynchronously\n", nocb
    $I0 = req                              # read at once: no safe point since the op
    submitted("print", $I0)
    spins = poll(req)
    report("print", req, spins)

    # 2. An asynchronous readline from stdin, read by the runtime's stdin thread.
    stdin = getstdin
    req = readline stdin, nocb
    $I0 = req
    submitted("readline", $I0)
    spins = poll(req)
    report("readline", req, spins)
    $S0 = req.'return'()
    print "the line read: "
    print $S0
.end

# Spins until `req` is no longer pending; returns how many times it looked.
.sub poll
    .param pmc req
    .local int spins, state
    spins = 0
again:
    inc spins
    state = req                            # get_integer: 0 while pending
    if state == 0 goto again
    .return (spins)
.end

# Prints a request's state as read just after it was submitted. The runtime fills requests
# in only between slices, and a slice ends only at a branch, call or return, so a request
# read before any of those is always still pending.
.sub submitted
    .param string what
    .param int state
    print what
    print ": submitted, "
    if state == 0 goto pending
    say "already complete?"
    .return ()
pending:
    say "pending"
.end

# Prints what a polled request ended as, without the timing-dependent spin count.
.sub report
    .param string what
    .param pmc req
    .param int spins
    $S0 = req.'state'()
    $I0 = req
    print what
    print ": "
    print $S0
    print " ("
    print $I0
    print ") after a busy poll"
    if spins > 0 goto counted
    say ", but the loop never ran"
    .return ()
counted:
    say ""
.end
