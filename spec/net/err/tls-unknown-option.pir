# `tls` takes a fixed set of options, by side, and any other key is an error before anything
# is sent: there is no option that turns verification off, and a misspelt one is not ignored.
# A client takes server, host, ca, cert, key, alpn and timeout; a server takes server, cert,
# key, client_ca, alpn and timeout ("'client_ca' is not an option of a client").
.include 'socket.pasm'

.sub main :main
    .local pmc listener, client, opts
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    $P0 = listener.'local_address'()
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'($P0)
    opts = new 'Hash'
    opts["host"] = "localhost"
    opts["verify"] = "0"
    client.'tls'(opts)
    say "not reached"
.end
