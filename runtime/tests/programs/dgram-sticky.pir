.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, b, c, r, cb
    .local string dir
    dir = argv[1]
    $S0 = dir . "/a.sock"
    $S1 = dir . "/b.sock"
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'($S0)
    b = new 'Socket'
    b.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    b.'bind'($S1)
    c = new 'Socket'
    c.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    c.'connect'($S0)
    c.'send'("one")
    $S2 = a.'recv'()
    say $S2
    a.'close'()
    push_eh f1
    c.'send'("two")
    say "sent?"
f1:
    .get_results ($P1)
    pop_eh
    say $P1
    push_eh f2
    $S2 = c.'recv'(5.0)
    say "received?"
f2:
    .get_results ($P1)
    pop_eh
    say $P1
    cb = get_global 'nothing'
    r = c.'recvfrom'(cb)
    wait r
    $P2 = r.'error'()
    say $P2
    r = c.'send'("three", cb)
    wait r
    $P2 = r.'error'()
    say $P2
    # sendto names its own address, so it still works.
    c.'sendto'("to b", $S1)
    $S3 = b.'recv'()
    say $S3
    c.'close'()
    b.'close'()
.end
.sub nothing
    .param pmc r
.end
