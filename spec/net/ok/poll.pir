# `poll(which, sec, usec)` waits until the socket is readable (1), writable (2) or either (3),
# for at most the given time, and returns the bits that are ready: 0 when the time ran out.
# Readable includes the end of the stream. The async form takes a trailing callback.
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

    $I0 = conn.'poll'(1, 0, 0)
    print "nothing sent yet, poll(1, 0, 0): "
    say $I0
    $I0 = conn.'poll'(2, 0, 0)
    print "poll(2, 0, 0): "
    say $I0
    $I0 = conn.'poll'(3, 0, 0)
    print "poll(3, 0, 0): "
    say $I0
    client.'send'("x")
    $I0 = conn.'poll'(1, 5, 0)
    print "after a send, poll(1, 5, 0): "
    say $I0
    $S0 = conn.'recv'()
    cb = get_global 'on_poll'
    r = conn.'poll'(1, 5, 0, cb)
    client.'close'()
    wait r
    $I0 = r.'return'()
    print "async poll after the peer closed: "
    say $I0
    $S0 = conn.'recv'()
    $I0 = conn.'eof'()
    print "recv gives '', eof "
    say $I0
    conn.'close'()
.end

.sub on_poll
    .param pmc r
    $S0 = r.'state'()
    print "poll callback: "
    say $S0
.end
