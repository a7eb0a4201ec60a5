# IPv6 (PIO_PF_INET6) on the loopback address ::1: `sockaddr` takes the family as its third
# argument; addresses print as [host]:port and `host()` drops the brackets.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, conn, r
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET6, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("::1", 0, .PIO_PF_INET6)
    $I0 = $P0.'family'()
    print "sockaddr family "
    say $I0
    listener.'bind'($P0)
    local = listener.'local_address'()
    $S0 = local.'host'()
    print "bound to host "
    say $S0
    $S1 = local
    $S2 = substr $S1, 0, 5
    print "address text starts "
    say $S2
    $P1 = get_global 'on_accept'
    r = listener.'accept'($P1)
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET6, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    $P2 = client.'remote_address'()
    $S0 = $P2.'host'()
    print "client connected to "
    say $S0
    client.'send'("v6\n")
    $S0 = client.'readline'()
    print "client got: "
    print $S0
    client.'close'()
    listener.'close'()
.end

.sub on_accept
    .param pmc r
    .local pmc conn
    conn = r.'return'()
    $S0 = conn.'readline'()
    $P0 = conn.'remote_address'()
    $S1 = $P0.'host'()
    print "server: a line from "
    say $S1
    conn.'send'($S0)
    conn.'close'()
.end
