# A recv that outlives the socket's `timeout` throws "recv failed: Connection timed out(110)".
# The peer is connected but never sends.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, addr, s, conn
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    addr = listener.'local_address'()
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    s.'connect'(addr)
    conn = listener.'accept'()
    s.'timeout'(0.05)
    say "waiting 0.05 s for nothing"
    $S0 = s.'recv'()
    say "not reached"
.end
