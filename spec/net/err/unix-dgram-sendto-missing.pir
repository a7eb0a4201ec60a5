# `sendto` a path nobody is bound to fails with the OS text: "sendto failed: No such file or
# directory(2)". The async form fails its request with the same text and runs its callback;
# the socket stays usable (a failed sendto does not stick: it concerns its address, not the
# socket). The blocking form, uncaught, ends the program.
.include 'socket.pasm'

.sub main :main
    .local pmc a, r, cb
    .local string path
    time $N0
    $N0 *= 1000000.0
    $I0 = $N0
    $S0 = $I0
    path = "/tmp/kea-spec-net-udg-missing-" . $S0
    path .= ".sock"
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'(path)
    cb = get_global 'on_sendto'
    r = a.'sendto'("lost", "/tmp/kea-spec-net-udg-nobody/none.sock", cb)
    wait r
    $P0 = r.'error'()
    print "async: "
    say $P0
    $I1 = a.'sendto'("to itself", path)
    $S1 = a.'recv'()
    print "still usable: "
    say $S1
    a.'sendto'("lost", "/tmp/kea-spec-net-udg-nobody/none.sock")
    say "not reached"
.end

.sub on_sendto
    .param pmc r
    $S0 = r.'state'()
    print "callback, state "
    say $S0
.end
# platforms: unix. Why: Unix-domain datagram sockets; Windows has none (spec/platforms.rst).
# on windows: bind failed: Unix-domain sockets are not supported on this platform
