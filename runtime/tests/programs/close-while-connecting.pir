.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc s, addr, held, pending, cb
    $S0 = argv[1]
    $I0 = $S0
    held = new 'ResizablePMCArray'
    cb = get_global 'quiet'
    # Fill the peer's backlog: connects complete until one stays pending.
    $I5 = 0
next:
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = s.'sockaddr'("127.0.0.1", $I0)
    pending = s.'connect'(addr, cb)
    sleep 0.2
    $I1 = pending
    if $I1 == 0 goto stuck
    push held, s
    inc $I5
    if $I5 < 20 goto next
    say "the backlog never filled"
    exit 1
stuck:
    say "a connect is pending"
    s.'close'()
    wait pending
    $I1 = pending
    print "state after close: "
    say $I1
    $P0 = pending.'error'()
    say $P0
    # The same with a blocking connect parked in another task.
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P1 = new 'Task'
    $P2 = get_global 'connector'
    $P1.'code'($P2)
    $P3 = new 'ResizablePMCArray'
    push $P3, s
    push $P3, addr
    $P1.'data'($P3)
    schedule $P1
    sleep 0.2
    s.'close'()
    wait $P1
    # Shutting the write side twice is an error, not a no-op.
    s = held[0]
    s.'shutdown'(1)
    push_eh twice
    s.'shutdown'(1)
    say "second shutdown succeeded"
twice:
    .get_results ($P4)
    pop_eh
    say $P4
.end

.sub connector
    .param pmc args
    $P0 = args[0]
    $P1 = args[1]
    push_eh failed
    $P0.'connect'($P1)
    say "connected?"
    .return ()
failed:
    .get_results ($P2)
    pop_eh
    print "blocking connect: "
    say $P2
.end

.sub quiet
    .param pmc r
.end
