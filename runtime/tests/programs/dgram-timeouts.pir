.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, r, cb
    .local string path
    path = argv[1]
    path .= "/a.sock"
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'(path)
    push_eh t1
    $P0 = a.'recvfrom'(0.05)
    say "received?"
t1:
    .get_results ($P1)
    pop_eh
    say $P1
    a.'timeout'(0.05)
    push_eh t2
    $S0 = a.'recv'()
    say "received?"
t2:
    .get_results ($P1)
    pop_eh
    say $P1
    cb = get_global 'nothing'
    r = a.'recvfrom'(cb)
    wait r
    $P2 = r.'error'()
    print "async: "
    say $P2
    a.'sendto'("still usable", path)
    $S1 = a.'recv'()
    say $S1
    a.'close'()
.end
.sub nothing
    .param pmc r
.end
