# `local_address()` and `remote_address()` give Sockaddrs: a listener's local address is
# where it listens, and the two ends of a connection mirror each other (one's local is the
# other's remote). Both take a trailing callback; the request's `return()` is the Sockaddr.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, conn, cb, r
    .local pmc c_local, c_remote, s_local, s_remote
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    local = listener.'local_address'()
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    conn = listener.'accept'()
    cb = get_global 'on_address'
    r = client.'local_address'(cb)
    wait r
    c_local = r.'return'()
    r = client.'remote_address'(cb)
    wait r
    c_remote = r.'return'()
    s_local = conn.'local_address'()
    s_remote = conn.'remote_address'()
    $S0 = c_remote
    $S1 = local
    $S2 = s_local
    print "client's remote is the listener's address: "
    $I0 = iseq $S0, $S1
    say $I0
    print "server's local is the same: "
    $I0 = iseq $S2, $S1
    say $I0
    $S0 = c_local
    $S1 = s_remote
    print "client's local is the server's remote: "
    $I0 = iseq $S0, $S1
    say $I0
    $I1 = c_local.'port'()
    $I2 = local.'port'()
    print "and its port differs from the listener's: "
    $I0 = isne $I1, $I2
    say $I0
    client.'close'()
    conn.'close'()
    listener.'close'()
.end

.sub on_address
    .param pmc r
    .local pmc a
    a = r.'return'()
    $S0 = typeof a
    $S1 = a.'host'()
    print "address callback: a "
    print $S0
    print " for host "
    say $S1
.end
