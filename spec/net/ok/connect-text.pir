# `connect` and `bind` also take the address as text: "ip:port", "[v6]:port", or
# "name:port" with a host name, which is looked up first ("localhost" here).
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, cb, r
    .local string port
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    local = listener.'local_address'()
    $I0 = local.'port'()
    port = $I0
    cb = get_global 'on_accept'
    listener.'accept'(cb)

    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $S0 = "127.0.0.1:" . port
    client.'connect'($S0)
    client.'send'("by ip text\n")
    $S1 = client.'readline'()
    print "got back: "
    print $S1
    client.'close'()

    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $S0 = "localhost:" . port
    cb = get_global 'on_connect'
    r = client.'connect'($S0, cb)
    wait r
    $P0 = client.'remote_address'()
    $S2 = $P0.'host'()
    print "localhost is "
    say $S2
    client.'send'("by name\n")
    $S1 = client.'readline'()
    print "got back: "
    print $S1
    client.'close'()
    listener.'close'()
.end

.sub on_connect
    .param pmc r
    $S0 = r.'state'()
    print "connect by name: "
    say $S0
.end

.sub on_accept
    .param pmc r
    .local pmc conn
    conn = r.'return'()
    $S0 = conn.'readline'()
    conn.'send'($S0)
    conn.'close'()
.end
