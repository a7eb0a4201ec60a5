.sub main :main
    .param pmc argv
    .local pmc a, b, c, t, rb, rc, stdin
    .local string ca
    $S0 = argv[1]
    $I0 = $S0
    ca = argv[2]
    stdin = getstdin
    a = tls_connect($I0, ca)
    b = tls_connect($I0, ca)
    c = tls_connect($I0, ca)
    say "connected"
    # c: 16 MiB the peer never reads, as one async send: it stays queued.
    $S1 = repeat "x", 16777216
    $P9 = get_global 'quiet'
    rc = c.'send'($S1, $P9)
    $I2 = c.'queued'()
    $I3 = $I2 > 0
    print "c queued > 0: "
    say $I3
    # b: an async recv; a: a task blocked in a sync recv.
    rb = b.'recv'($P9)
    t = new 'Task'
    $P8 = get_global 'blocked_recv'
    t.'code'($P8)
    t.'data'(a)
    schedule t
    a.'send'("go\n")
    wait t
    wait rb
    $I1 = rb
    print "b async recv state: "
    say $I1
    $P1 = rb.'error'()
    print "b async recv: "
    say $P1
    wait rc
    $I1 = rc
    print "c async send state: "
    say $I1
    $P1 = rc.'error'()
    print "c async send: "
    say $P1
    a.'close'()
    b.'close'()
    c.'close'()
    say "closed"
    $S9 = readline stdin
.end

.sub blocked_recv
    .param pmc a
    push_eh failed
    $S0 = a.'recv'()
    pop_eh
    print "a sync recv returned: "
    say $S0
    .return ()
failed:
    .get_results ($P0)
    pop_eh
    print "a sync recv: "
    say $P0
    push_eh send_failed
    a.'send'("after the reset\n")
    pop_eh
    say "a send after reset: sent"
    .return ()
send_failed:
    .get_results ($P0)
    pop_eh
    print "a send after reset: "
    say $P0
.end
