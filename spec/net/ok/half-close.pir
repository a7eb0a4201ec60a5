# Half-close: `shutdown(1)` ends the sending side once the queued bytes are out. The peer
# reads to the end of the stream ("" and eof) and can still send back, which the half-closed
# side still reads. `shutdown(0)` ends the reading side, `shutdown(2)` both. The async form
# takes a trailing callback.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, task, cb, r
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'($P0)
    local = listener.'local_address'()
    $P1 = get_global 'serve'
    task = new 'Task'
    task.'code'($P1)
    task.'data'(listener)
    schedule task
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    client.'send'("the whole request")
    $I0 = client.'shutdown'(1)
    print "client: shutdown(1) returned "
    say $I0
    $S0 = ""
more:
    $S1 = client.'recv'()
    $S0 .= $S1
    if $S1 != "" goto more
    print "client: got back '"
    print $S0
    say "'"
    client.'close'()
    wait task

    # The async form, on a second connection.
    task = new 'Task'
    task.'code'($P1)
    task.'data'(listener)
    schedule task
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    client.'send'("second")
    cb = get_global 'on_shutdown'
    r = client.'shutdown'(1, cb)
    wait r
    $S0 = client.'readline'()
    print "client: got back '"
    print $S0
    say "'"
    $I0 = client.'shutdown'(0)
    $S0 = client.'recv'()
    $I1 = client.'eof'()
    print "client: after shutdown(0), recv gives '', eof "
    say $I1
    client.'close'()
    wait task
    listener.'close'()
.end

.sub on_shutdown
    .param pmc r
    $I0 = r.'return'()
    print "client: async shutdown(1) returned "
    say $I0
.end

# serve(listener): reads until the end of the stream, then answers.
.sub serve
    .param pmc listener
    .local pmc conn
    .local string got
    conn = listener.'accept'()
    got = ""
more:
    $S0 = conn.'recv'()
    got .= $S0
    if $S0 != "" goto more
    $I0 = conn.'eof'()
    print "server: read '"
    print got
    print "' to the end, eof "
    say $I0
    $S1 = "after your EOF: " . got
    conn.'send'($S1)
    conn.'close'()
.end
