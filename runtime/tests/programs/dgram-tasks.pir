.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, b, t, r, cb
    .local string dir, a_path, b_path
    dir = argv[1]
    a_path = dir . "/a.sock"
    b_path = dir . "/b.sock"
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'(a_path)
    b = new 'Socket'
    b.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    b.'bind'(b_path)
    $P0 = get_global 'receiver'
    t = new 'Task'
    t.'code'($P0)
    t.'data'(b)
    schedule t
    $I0 = a.'sendto'("", b_path)
    print "sent "
    say $I0
    $I0 = a.'sendto'("x", b_path)
    print "sent "
    say $I0
    $S0 = repeat "0123456789", 10000
    $I0 = a.'sendto'($S0, b_path)
    print "sent "
    say $I0
    $I0 = a.'sendto'("hello", b_path)
    print "sent "
    say $I0
    $I0 = a.'sendto'("world", b_path)
    print "sent "
    say $I0
    wait t
    cb = get_global 'on_recvfrom'
    r = b.'recvfrom'(cb)
    $P1 = get_global 'on_sendto'
    $P2 = a.'sendto'("async one", b_path, $P1)
    $P3 = a.'sendto'("async two", b_path, $P1)
    wait $P2
    wait $P3
    wait r
    r = b.'recvfrom'(cb)
    wait r
    a.'close'()
    b.'close'()
    say "done"
.end

.sub receiver
    .param pmc b
    .local int i
    i = 0
again:
    $P0 = b.'recvfrom'()
    $S0 = $P0[0]
    $P1 = $P0[1]
    $I0 = length $S0
    print "task got "
    print $I0
    print " bytes from "
    $S1 = $P1
    $I1 = index $S1, "/a.sock"
    $I1 = $I1 > 0
    say $I1
    inc i
    if i < 5 goto again
.end

.sub on_sendto
    .param pmc r
    $I0 = r.'return'()
    print "async sendto returned "
    say $I0
.end

.sub on_recvfrom
    .param pmc r
    $P0 = r.'return'()
    $S0 = $P0[0]
    print "async recvfrom: "
    say $S0
.end
