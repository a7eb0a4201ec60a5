# `sockaddr(host, port[, family])` gives one Sockaddr; `getaddrinfo(host, port, proto,
# family, flags)` gives an array of every address found (family 0: any). An IP literal needs no
# lookup; a name is resolved on the resolver pool, so only the calling task waits. Sockaddr
# methods: `family()`, `address()` (the text, as `say` prints it), `host()`, `port()`. Both
# lookups take a trailing callback. `connect` takes a Sockaddr, an array of them (the first of
# the socket's family), or text.
.include 'socket.pasm'

.sub main :main
    .local pmc s, a, all, cb, r
    s = new 'Socket'
    $P0 = s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $I0 = issame s, $P0
    print "socket() returns the socket itself: "
    say $I0
    a = s.'sockaddr'("127.0.0.1", 8080)
    say a
    $S0 = typeof a
    $I0 = a.'family'()
    $S1 = a.'address'()
    $S2 = a.'host'()
    $I1 = a.'port'()
    print $S0
    print ": family "
    print $I0
    print ", address "
    print $S1
    print ", host "
    print $S2
    print ", port "
    say $I1
    all = s.'getaddrinfo'("localhost", 443, .PIO_PROTO_TCP, .PIO_PF_INET, 0)
    $I0 = elements all
    $P1 = all[0]
    print "getaddrinfo localhost (INET): "
    print $I0
    print " address, "
    say $P1
    all = s.'getaddrinfo'("::1", 80, .PIO_PROTO_TCP, 0, 0)
    $P1 = all[0]
    $I0 = $P1.'family'()
    print "getaddrinfo ::1: "
    print $P1
    print ", family "
    say $I0
    cb = get_global 'on_lookup'
    r = s.'sockaddr'("localhost", 7, .PIO_PF_INET, cb)
    wait r
    r = s.'getaddrinfo'("127.0.0.1", 9, .PIO_PROTO_TCP, .PIO_PF_INET, 0, cb)
    wait r
.end

.sub on_lookup
    .param pmc r
    $P0 = r.'return'()
    $S0 = typeof $P0
    print "async lookup gave a "
    print $S0
    print ": "
    $I0 = does $P0, "array"
    unless $I0 goto one
    $P0 = $P0[0]
one:
    say $P0
.end
