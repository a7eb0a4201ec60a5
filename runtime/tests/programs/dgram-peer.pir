.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc k, c, got, from
    .local string dir, py
    dir = argv[1]
    py = dir . "/py.sock"
    $S0 = dir . "/kea.sock"
    k = new 'Socket'
    k.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    k.'bind'($S0)
    k.'sendto'("ping", py)
    $I0 = 0
again:
    got = k.'recvfrom'(10.0)
    $S1 = got[0]
    from = got[1]
    $S2 = from
    $I1 = from.'family'()
    print "kea got '"
    print $S1
    print "' from '"
    $I2 = index $S2, "/py.sock"
    if $I2 < 0 goto raw
    $S2 = "DIR/py.sock"
raw:
    print $S2
    print "' family "
    say $I1
    inc $I0
    if $I0 < 3 goto again
    c = new 'Socket'
    c.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    c.'connect'(py)
    c.'send'("connected")
    c.'close'()
    k.'close'()
.end
