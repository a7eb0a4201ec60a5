# A closed socket cannot connect again: "Can't connect closed socket" (Parrot's text).
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
    $I0 = s.'is_closed'()
    print "is_closed "
    say $I0
    s.'connect'(addr)
    say "not reached"
.end
