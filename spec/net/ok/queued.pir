# `queued()` is the number of bytes sent but not yet taken by the OS. A small send on an idle
# connection goes out at once, so nothing stays queued. The async form takes a callback.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, conn, cb, r
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'($P0)
    local = listener.'local_address'()
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    conn = listener.'accept'()
    listener.'close'()
    $I0 = client.'queued'()
    print "queued before sending: "
    say $I0
    client.'send'("small\n")
    $I0 = client.'queued'()
    print "queued after a small send: "
    say $I0
    cb = get_global 'on_queued'
    r = client.'queued'(cb)
    wait r
    $S0 = conn.'readline'()
    print "peer got: "
    print $S0
    client.'close'()
    conn.'close'()
.end

.sub on_queued
    .param pmc r
    $I0 = r.'return'()
    print "async queued: "
    say $I0
.end
