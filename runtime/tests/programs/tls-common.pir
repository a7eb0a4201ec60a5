.include 'socket.pasm'
.sub tls_connect
    .param int port
    .param string ca
    .local pmc s, opts
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = s.'sockaddr'("127.0.0.1", port)
    s.'connect'($P0)
    opts = new 'Hash'
    opts["host"] = "localhost"
    opts["ca"] = ca
    s.'tls'(opts)
    .return (s)
.end

.sub quiet
    .param pmc r
.end
