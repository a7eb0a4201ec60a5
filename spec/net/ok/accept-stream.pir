# `accept` with a callback is a stream: the one request stays pending and the callback runs
# once per connection, with a finished copy of the request whose `return()` is that
# connection and whose `bytes()` counts the connections so far. Closing the listener ends the
# stream: the request completes as cancelled.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, stream
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'($P0)
    local = listener.'local_address'()
    $P1 = get_global 'on_accept'
    stream = listener.'accept'($P1)
    $I0 = 1
next:
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    $S0 = "client "
    $S1 = $I0
    $S0 .= $S1
    $S0 .= "\n"
    client.'send'($S0)
    $S2 = client.'readline'()
    print "main got back: "
    print $S2
    client.'close'()
    inc $I0
    if $I0 <= 3 goto next
    $S3 = stream.'state'()
    print "stream while listening: "
    say $S3
    listener.'close'()
    wait stream
    $S3 = stream.'state'()
    print "stream after close: "
    say $S3
.end

.sub on_accept
    .param pmc r
    .local pmc conn
    conn = r.'return'()
    $I0 = r.'bytes'()
    $S0 = conn.'readline'()
    print "connection #"
    print $I0
    print ": "
    print $S0
    conn.'send'($S0)
    conn.'close'()
.end
