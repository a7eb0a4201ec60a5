.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, b, c, addr, t, rb, rc, stdin
    $S0 = argv[1]
    $I0 = $S0
    stdin = getstdin
    a = new 'Socket'
    a.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = a.'sockaddr'("127.0.0.1", $I0)
    a.'connect'(addr)
    b = new 'Socket'
    b.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    b.'connect'(addr)
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    c.'connect'(addr)
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
    $S2 = $P1
    print "b async recv: "
    say $S2
    wait rc
    $I1 = rc
    print "c async send state: "
    say $I1
    $P1 = rc.'error'()
    $S2 = $P1
    print "c async send: "
    say $S2
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
    $S1 = $P0
    print "a sync recv: "
    say $S1
    push_eh send_failed
    a.'send'("after the reset\n")
    pop_eh
    say "a send after reset: sent"
    .return ()
send_failed:
    .get_results ($P0)
    pop_eh
    $S1 = $P0
    print "a send after reset: "
    say $S1
.end

.sub quiet
    .param pmc r
.end
