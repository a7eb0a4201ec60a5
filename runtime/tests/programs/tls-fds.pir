.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc l, local, t, opts, c, stdin
    .local int i, good, bad
    stdin = getstdin
    say "baseline"
    $S9 = readline stdin
    l = new 'Socket'
    l.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    l.'bind'("127.0.0.1:0")
    local = l.'local_address'()
    t = new 'Task'
    $P1 = get_global 'server'
    t.'code'($P1)
    $P2 = new 'ResizablePMCArray'
    push $P2, l
    $S0 = argv[1]
    push $P2, $S0
    $S0 = argv[2]
    push $P2, $S0
    t.'data'($P2)
    schedule t
    good = 0
    bad = 0
    i = 0
loop:
    opts = new 'Hash'
    opts["host"] = "localhost"
    if i < 10 goto host_set
    if i >= 20 goto host_set
    opts["host"] = "example.com"
host_set:
    $S0 = argv[3]
    opts["ca"] = $S0
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    c.'connect'(local)
    if i < 20 goto handshake
    # Whatever comes back (an alert, the end, a reset), the handshake failed.
    push_eh junk_done
    c.'send'("this is not a TLS record\r\n\r\n")
    $S1 = c.'recv'()
    pop_eh
    inc bad
    goto next
junk_done:
    .get_results ($P0)
    pop_eh
    inc bad
    goto next
handshake:
    push_eh failed
    c.'tls'(opts)
    c.'send'("ping\n")
    $S1 = c.'readline'()
    pop_eh
    inc good
    goto next
failed:
    .get_results ($P0)
    pop_eh
    inc bad
next:
    c.'close'()
    inc i
    if i < 30 goto loop
    wait t
    l.'close'()
    print "good "
    print good
    print " bad "
    say bad
    say "done"
    $S9 = readline stdin
.end

.sub server
    .param pmc args
    .local pmc l, opts, conn
    .local int n, fails
    l = args[0]
    opts = new 'Hash'
    opts["server"] = 1
    $S0 = args[1]
    opts["cert"] = $S0
    $S0 = args[2]
    opts["key"] = $S0
    n = 0
    fails = 0
next:
    conn = l.'accept'()
    push_eh failed
    conn.'tls'(opts)
    $S0 = conn.'readline'()
    conn.'send'($S0)
    pop_eh
    goto close
failed:
    .get_results ($P0)
    pop_eh
    inc fails
close:
    conn.'close'()
    inc n
    if n < 30 goto next
    print "server failures "
    say fails
.end
