# A path a Unix datagram socket is bound to cannot be bound again: "bind failed: Address
# already in use(98)". The socket file stays after `close` too, as the OS leaves it, so the
# second bind below fails although the first socket is closed by then. The path is made
# unique with the time in microseconds.
.include 'socket.pasm'

.sub main :main
    .local pmc a, b
    .local string path
    time $N0
    $N0 *= 1000000.0
    $I0 = $N0
    $S0 = $I0
    path = "/tmp/kea-spec-net-udg-in-use-" . $S0
    path .= ".sock"
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'(path)
    a.'close'()
    say "first bind done, socket closed"
    b = new 'Socket'
    b.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    b.'bind'(path)
    say "not reached"
.end
# platforms: unix. Why: Unix-domain datagram sockets; Windows has none (spec/platforms.rst).
# on windows: bind failed: Unix-domain sockets are not supported on this platform
