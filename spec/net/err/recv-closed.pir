# recv on a socket the program closed throws "IO operation on a closed socket".
.include 'socket.pasm'

.sub main :main
    .local pmc listener, addr, s
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    addr = listener.'local_address'()
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    s.'connect'(addr)
    s.'close'()
    say "closed"
    $S0 = s.'recv'()
    say "not reached"
.end
