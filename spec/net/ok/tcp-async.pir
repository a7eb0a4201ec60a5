# Async form: every method that can block takes a trailing callback and returns a Request at
# once. The callback runs with the request as its only argument; `handle()` is the socket it
# ran on and `return()` its result (the new connection for accept, the text for recv, the
# byte count for send). Main sets everything up and ends; pending requests keep the program
# alive until the last callback has run.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, r
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("127.0.0.1", 0)
    $P1 = get_global 'on_bind'
    r = listener.'bind'($P0, $P1)
    wait r
    set_global 'listener', listener
    local = listener.'local_address'()
    $P2 = get_global 'on_accept'
    r = listener.'accept'($P2)
    $S0 = typeof r
    print "accept gave a "
    say $S0
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P3 = get_global 'on_connect'
    client.'connect'(local, $P3)
.end

.sub on_bind
    .param pmc r
    $I0 = r
    print "bind callback: state "
    say $I0
.end

.sub on_connect
    .param pmc r
    .local pmc client
    $S0 = typeof r
    $S1 = r.'state'()
    print "connect callback: a "
    print $S0
    print ", "
    say $S1
    client = r.'handle'()
    $P0 = get_global 'on_client_sent'
    client.'send'("ping\n", $P0)
.end

.sub on_client_sent
    .param pmc r
    .local pmc client
    client = r.'handle'()
    $P0 = get_global 'on_client_recv'
    client.'recv'($P0)
.end

.sub on_accept
    .param pmc r
    .local pmc conn
    conn = r.'return'()
    $P0 = get_global 'on_server_recv'
    conn.'recv'($P0)
.end

.sub on_server_recv
    .param pmc r
    .local pmc conn
    conn = r.'handle'()
    $S0 = r.'return'()
    print "server got "
    print $S0
    $P0 = get_global 'on_server_sent'
    conn.'send'("pong\n", $P0)
.end

.sub on_server_sent
    .param pmc r
    .local pmc conn
    $I0 = r.'return'()
    print "server sent "
    say $I0
    conn = r.'handle'()
    conn.'close'()                  # a callback task may block: this parks only it
.end

.sub on_client_recv
    .param pmc r
    .local pmc client
    $S0 = r.'return'()
    print "client got "
    print $S0
    client = r.'handle'()
    $P0 = get_global 'on_client_eof'
    client.'recv'($P0)
.end

.sub on_client_eof
    .param pmc r
    .local pmc client, listener
    $S0 = r.'return'()
    client = r.'handle'()
    $I0 = client.'eof'()
    print "client got '"
    print $S0
    print "' and eof "
    say $I0
    $P0 = get_global 'on_closed'
    client.'close'($P0)
.end

.sub on_closed
    .param pmc r
    .local pmc s, listener
    s = r.'handle'()
    $I0 = s.'is_closed'()
    print "client closed: "
    say $I0
    listener = get_global 'listener'
    $P1 = get_global 'on_listener_closed'
    listener.'close'($P1)
.end

.sub on_listener_closed
    .param pmc r
    say "listener closed; the accept stream ends as cancelled"
.end
