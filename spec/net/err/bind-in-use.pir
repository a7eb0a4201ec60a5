# Two sockets cannot bind one port unless both set SO_REUSEPORT (net/ok/setsockopt.pir):
# "bind failed: Address already in use(98)".
.include 'socket.pasm'

.sub main :main
    .local pmc a, b, addr
    a = new 'Socket'
    a.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    a.'bind'("127.0.0.1:0")
    addr = a.'local_address'()
    say "first bind done"
    b = new 'Socket'
    b.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    b.'bind'(addr)
    say "not reached"
.end
