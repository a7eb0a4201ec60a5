.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, c, stdin
    .local string dir
    .local int i
    dir = argv[1]
    stdin = getstdin
    say "baseline"
    $S9 = readline stdin
    i = 0
round:
    $S0 = i
    $S0 = dir . "/s"
    $S1 = i
    $S0 .= $S1
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'($S0)
    c = new 'Socket'
    c.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    c.'connect'($S0)
    c.'send'("x")
    $P0 = a.'recvfrom'()
    $P1 = new 'Socket'
    $P1.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    push_eh f1
    $P1.'bind'($S0)
f1:
    pop_eh
    $P2 = new 'Socket'
    $P2.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    $S2 = dir . "/missing"
    push_eh f2
    $P2.'connect'($S2)
f2:
    pop_eh
    push_eh f3
    a.'sendto'("y", $S2)
f3:
    pop_eh
    a.'close'()
    c.'close'()
    inc i
    if i < 50 goto round
    say "rounds done"
    $S9 = readline stdin
.end
