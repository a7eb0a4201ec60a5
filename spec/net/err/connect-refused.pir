# Connecting to a port nobody listens on throws "connect failed: Connection refused(111)"
# (PIO_ERROR, with the OS error text). The port is one the OS just gave out and took back.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, addr, s
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    addr = listener.'local_address'()
    listener.'close'()
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    say "connecting to a closed port"
    s.'connect'(addr)
    say "not reached"
.end
