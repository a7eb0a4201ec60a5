.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc l, stdin, tasks, t, serve, c, r, cb
    .local int n, i
    $S0 = argv[1]
    n = $S0
    $S0 = argv[2]
    $I9 = $S0
    stdin = getstdin
    l = new 'Socket'
    l.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = l.'sockaddr'("127.0.0.1", 0)
    l.'bind'($P0)
    l.'listen'(64)
    $P1 = l.'local_address'()
    print "listening on "
    say $P1
    say "baseline"
    $S9 = readline stdin
    # A refused connect, both ways.
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P2 = c.'sockaddr'("127.0.0.1", $I9)
    push_eh refused
    c.'connect'($P2)
    pop_eh
    goto async_refused
refused:
    .get_results ($P3)
    pop_eh
async_refused:
    cb = get_global 'quiet'
    r = c.'connect'($P2, cb)
    wait r
    $I0 = r
    print "refused connects done, state "
    say $I0
    tasks = new 'ResizablePMCArray'
    serve = get_global 'serve'
    i = 0
accept:
    c = l.'accept'()
    t = new 'Task'
    t.'code'(serve)
    t.'data'(c)
    schedule t
    push tasks, t
    inc i
    if i < n goto accept
    i = 0
join:
    t = tasks[i]
    wait t
    inc i
    if i < n goto join
    print "served "
    say n
    $S9 = readline stdin
    l.'close'()
    say "closed"
    $S9 = readline stdin
.end

.sub serve
    .param pmc c
    push_eh failed
    $S0 = c.'recv'()
    if $S0 == "" goto eof
    $I0 = index $S0, "big"
    if $I0 == 0 goto big
echo:
    c.'send'($S0)
    $S0 = c.'recv'()
    if $S0 == "" goto eof
    goto echo
big:
    $S1 = repeat "z", 1048576
big_again:
    c.'send'($S1)
    goto big_again
eof:
    pop_eh
    c.'close'()
    .return ()
failed:
    .get_results ($P0)
    pop_eh
    $S2 = $P0
    print "connection failed: "
    say $S2
    c.'close'()
.end

.sub quiet
    .param pmc r
.end
