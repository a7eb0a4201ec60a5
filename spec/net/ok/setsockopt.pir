# `setsockopt(name, on)` sets an option before `bind` or `connect`: SO_REUSEADDR, SO_REUSEPORT,
# TCP_NODELAY (on defaults to 1; 0 clears it). With SO_REUSEPORT on both, two sockets bind
# the same port (without it the second bind fails: net/err/bind-in-use.pir).
.include 'socket.pasm'

.sub main :main
    .local pmc a, b, local, client, conn
    a = new 'Socket'
    a.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    a.'setsockopt'("SO_REUSEPORT", 1)
    $P0 = a.'sockaddr'("127.0.0.1", 0)
    a.'bind'($P0)
    local = a.'local_address'()
    b = new 'Socket'
    b.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    b.'setsockopt'("SO_REUSEPORT")
    b.'setsockopt'("SO_REUSEADDR", 1)
    b.'bind'(local)
    $P1 = b.'local_address'()
    $I0 = local.'port'()
    $I1 = $P1.'port'()
    if $I0 != $I1 goto different
    say "two sockets bound the same port"
different:
    # The kernel spreads connections over both: each echoes through an accept stream.
    $P2 = get_global 'on_accept'
    a.'accept'($P2)
    b.'accept'($P2)
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'setsockopt'("TCP_NODELAY", 1)
    client.'setsockopt'("TCP_NODELAY", 0)
    client.'setsockopt'("TCP_NODELAY")
    client.'connect'(local)
    client.'send'("nodelay\n")
    $S0 = client.'readline'()
    print "echoed: "
    print $S0
    client.'close'()
    a.'close'()
    b.'close'()
.end

.sub on_accept
    .param pmc r
    .local pmc conn
    conn = r.'return'()
    $S0 = conn.'readline'()
    conn.'send'($S0)
    conn.'close'()
.end
# platforms: unix. Why: SO_REUSEPORT; Windows has none (spec/platforms.rst).
# on windows: bind failed: SO_REUSEPORT sockets are not supported on this platform
