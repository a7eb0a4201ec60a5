# Unix-domain stream sockets (PIO_PF_UNIX): the address is a file system path. `sockaddr`
# takes the path as its host and gives a Sockaddr of family 1 at once (nothing to resolve);
# `bind` creates the socket file and listens; `connect`, `accept`, `send` and `recv` work as
# on TCP. The path is made unique with the time in microseconds.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, addr, client, conn, cb, r
    .local string path
    time $N0
    $N0 *= 1000000.0
    $I0 = $N0
    $S0 = $I0
    path = "/tmp/kea-spec-net-unix-" . $S0
    path .= ".sock"
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_UNIX, .PIO_SOCK_STREAM, 0)
    addr = listener.'sockaddr'(path, 0)
    $I1 = addr.'family'()
    print "sockaddr family "
    say $I1
    $S1 = addr.'address'()
    if $S1 != path goto odd
    say "its address is the path"
odd:
    listener.'bind'(addr)
    $P0 = get_global 'serve'
    $P1 = new 'Task'
    $P1.'code'($P0)
    $P1.'data'(listener)
    schedule $P1
    client = new 'Socket'
    client.'socket'(.PIO_PF_UNIX, .PIO_SOCK_STREAM, 0)
    cb = get_global 'on_connect'
    r = client.'connect'(path, cb)
    wait r
    client.'send'("over a unix socket\n")
    $S2 = client.'readline'()
    print "client got: "
    print $S2
    client.'close'()
    wait $P1
    listener.'close'()
.end

.sub on_connect
    .param pmc r
    $S0 = r.'state'()
    print "connect callback: "
    say $S0
.end

.sub serve
    .param pmc listener
    .local pmc conn
    conn = listener.'accept'()
    $S0 = conn.'readline'()
    print "server got: "
    print $S0
    conn.'send'($S0)
    conn.'close'()
.end
# platforms: unix. Why: Unix-domain stream sockets; Kea has none on Windows yet (mio has none there; Windows 10 has AF_UNIX streams) (spec/platforms.rst).
# on windows: bind failed: Unix-domain sockets are not supported on this platform
