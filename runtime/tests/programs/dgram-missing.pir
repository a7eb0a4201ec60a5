.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, r, cb
    .local string dir, path, none
    dir = argv[1]
    path = dir . "/a.sock"
    none = dir . "/nobody.sock"
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'(path)
    push_eh f1
    a.'sendto'("lost", none)
    say "sent?"
f1:
    .get_results ($P1)
    pop_eh
    print "sync: "
    say $P1
    cb = get_global 'on_sendto'
    r = a.'sendto'("lost", none, cb)
    wait r
    $P2 = r.'error'()
    print "async: "
    say $P2
    # Not sticky: the socket still sends and receives.
    a.'sendto'("fine", path)
    $S0 = a.'recv'()
    say $S0
    a.'close'()
.end
.sub on_sendto
    .param pmc r
    $S0 = r.'state'()
    print "callback: "
    say $S0
.end
