# A number given to `accept`, `recv` or `recvfrom` (or as `connect`'s second argument) is that
# call's timeout, over the socket's `timeout` default: the call fails with the OS text for
# ETIMEDOUT once it passes, and the socket stays usable.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, server
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    local = listener.'local_address'()
    push_eh accept_timeout
    server = listener.'accept'(0.05)
    say "accepted?"
accept_timeout:
    .get_results ($P0)
    pop_eh
    say $P0
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local, 5.0)
    server = listener.'accept'(5.0)
    push_eh recv_timeout
    $S0 = client.'recv'(0.05)
    say "received?"
recv_timeout:
    .get_results ($P1)
    pop_eh
    say $P1
    server.'send'("still usable\n")
    $S0 = client.'recv'(5.0)
    print $S0
.end
