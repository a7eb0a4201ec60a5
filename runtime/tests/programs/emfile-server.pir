.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc l, held, c, stdin
    .local int n, total, failures
    $S0 = argv[1]
    total = $S0
    stdin = getstdin
    l = new 'Socket'
    l.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = l.'sockaddr'("127.0.0.1", 0)
    l.'bind'($P0)
    l.'listen'(128)
    $P1 = l.'local_address'()
    print "listening on "
    say $P1
    held = new 'ResizablePMCArray'
    n = 0
    failures = 0
next:
    push_eh failed
    c = l.'accept'()
    pop_eh
    inc n
    push held, c
    c.'send'("hi\n")
    print "accepted "
    say n
    if n < total goto next
    say "served all"
    goto free
failed:
    .get_results ($P2)
    pop_eh
    inc failures
    $S1 = $P2
    print "accept error: "
    say $S1
    if failures > 1 goto free
    say "saturated"
    $S9 = readline stdin
free:
    $I0 = elements held
    $I1 = 0
free_one:
    if $I1 >= $I0 goto freed
    c = held[$I1]
    c.'close'()
    inc $I1
    goto free_one
freed:
    held = new 'ResizablePMCArray'
    print "freed "
    say $I0
    if n < total goto next
    say "done"
.end
