# setsockopt knows SO_REUSEADDR, SO_REUSEPORT and TCP_NODELAY; any other name throws.
.include 'socket.pasm'

.sub main :main
    .local pmc s
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    s.'setsockopt'("SO_KEEPALIVE", 1)
    say "not reached"
.end
