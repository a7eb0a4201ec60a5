.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc s, addr, held, r, cb
    .local num t0
    $S0 = argv[1]
    $I0 = $S0
    held = new 'ResizablePMCArray'
    $I5 = 0
next:
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = s.'sockaddr'("127.0.0.1", $I0)
    s.'timeout'(0.2)
    t0 = time
    push_eh connect_failed
    s.'connect'(addr)
    pop_eh
    push held, s
    inc $I5
    if $I5 < 20 goto next
    say "all 20 connected"
    goto idle
connect_failed:
    .get_results ($P0)
    pop_eh
    elapsed(t0)
    $S1 = $P0
    print "connect "
    print $I5
    print ": "
    say $S1
    # The same with a request: it fails, it does not hang.
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    s.'timeout'(0.2)
    cb = get_global 'quiet'
    t0 = time
    r = s.'connect'(addr, cb)
    wait r
    elapsed(t0)
    $I1 = r
    print "async connect state: "
    say $I1
    $P1 = r.'error'()
    $S1 = $P1
    print "async connect: "
    say $S1
idle:
    # A connection the peer never writes to: recv gives up after its timeout.
    s = held[0]
    s.'timeout'(0.2)
    t0 = time
    push_eh recv_failed
    $S1 = s.'recv'()
    pop_eh
    say "recv returned"
    goto async_recv
recv_failed:
    .get_results ($P0)
    pop_eh
    elapsed(t0)
    $S1 = $P0
    print "recv: "
    say $S1
async_recv:
    t0 = time
    r = s.'recv'(cb)
    wait r
    elapsed(t0)
    $I1 = r
    print "async recv state: "
    say $I1
    $P1 = r.'error'()
    $S1 = $P1
    print "async recv: "
    say $S1
    # After a timeout the connection is still usable.
    s.'send'("still here\n")
    say "sent after timeout"
    $I1 = elements held
    $I2 = 0
close_all:
    s = held[$I2]
    s.'close'()
    inc $I2
    if $I2 < $I1 goto close_all
    say "done"
.end

.sub elapsed
    .param num t0
    $N0 = time
    $N0 -= t0
    $N0 *= 1000
    $I0 = $N0
    print "elapsed ms: "
    say $I0
.end

.sub quiet
    .param pmc r
.end
