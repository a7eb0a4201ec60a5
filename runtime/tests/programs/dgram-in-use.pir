.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, b, cb, r
    .local string path
    path = argv[1]
    path .= "/a.sock"
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'(path)
    b = new 'Socket'
    b.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    push_eh f1
    b.'bind'(path)
    say "bound?"
f1:
    .get_results ($P1)
    pop_eh
    print "while open: "
    say $P1
    a.'close'()
    cb = get_global 'nothing'
    r = b.'bind'(path, cb)
    wait r
    $P2 = r.'error'()
    print "after close, async: "
    say $P2
.end
.sub nothing
    .param pmc r
.end
