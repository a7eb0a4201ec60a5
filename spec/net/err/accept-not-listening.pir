# accept on a connected (not listening) socket throws "accept failed: the socket is not
# listening"; on a socket never bound, "the socket is not connected or bound" (caught first).
.include 'socket.pasm'

.sub main :main
    .local pmc listener, addr, s
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    push_eh unbound
    $P1 = s.'accept'()
unbound:
    .get_results ($P0)
    pop_eh
    print "never bound: "
    say $P0
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    addr = listener.'local_address'()
    s.'connect'(addr)
    $P1 = s.'accept'()
    say "not reached"
.end
