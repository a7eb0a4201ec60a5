# Connections that queued up before anyone accepted are all taken: 100 clients connect while
# the program does not accept (the OS completes them into the listen backlog), then an accept
# stream starts and must see every one of them. The listener takes a few connections ahead of
# `accept` and stops there; it must go on taking once those are handed out, without waiting
# for a new connection to wake it (on Windows, and on Linux when nobody else connects, none
# comes).
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, clients, client, stream, seen
    seen = new 'Integer'
    set_global 'seen', seen
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'($P0)
    local = listener.'local_address'()
    clients = new 'ResizablePMCArray'
    $I0 = 0
connect:
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    push clients, client
    inc $I0
    if $I0 < 100 goto connect
    say "100 clients connected, none accepted yet"
    sleep 0.05
    $P1 = get_global 'on_accept'
    stream = listener.'accept'($P1)
    $I1 = 0
settle:
    sleep 0.01
    inc $I1
    $I2 = seen
    if $I2 >= 100 goto done
    if $I1 < 500 goto settle
done:
    print "accepted: "
    say $I2
    listener.'close'()
    wait stream
.end

.sub on_accept
    .param pmc r
    .local pmc conn, seen
    conn = r.'return'()
    conn.'close'()
    seen = get_global 'seen'
    inc seen
.end
