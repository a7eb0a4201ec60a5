.include 'socket.pasm'
.sub main :main
    .local pmc listener, addr, client, server, cb, r1, r2
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'(addr)
    listener.'listen'(4)
    addr = listener.'local_address'()
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(addr)
    server = listener.'accept'()
    # Nobody reads: 40 MiB queue; 40 MiB more would pass the 64 MiB cap.
    $S0 = repeat "x", 41943040
    cb = get_global 'quiet'
    r1 = client.'send'($S0, cb)
    r2 = client.'send'($S0, cb)
    wait r2
    $I0 = r2
    print "second send: "
    say $I0
    $P0 = r2.'error'()
    say $P0
    $I1 = client.'queued'()
    if $I1 > 0 goto queued
    say "nothing queued?"
queued:
    say "the first send is still queued"
    exit 0
.end

.sub quiet
    .param pmc r
.end
