# send on a socket the program closed throws "IO operation on a closed socket"; so does
# send on a socket that was never connected ("the socket is not connected or bound", caught
# here first).
.include 'socket.pasm'

.sub main :main
    .local pmc listener, addr, s
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    push_eh never
    s.'send'("x")
never:
    .get_results ($P0)
    pop_eh
    print "never connected: "
    say $P0
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    addr = listener.'local_address'()
    s.'connect'(addr)
    s.'close'()
    s.'send'("too late")
    say "not reached"
.end
