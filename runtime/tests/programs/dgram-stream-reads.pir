.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc u, d, r, cb
    $S0 = argv[1]
    $S0 .= "/r.sock"
    u = new 'Socket'
    u.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    u.'bind'($S0)
    d = new 'Socket'
    d.'socket'(.PIO_PF_INET, .PIO_SOCK_DGRAM, .PIO_PROTO_UDP)
    $P0 = d.'sockaddr'("127.0.0.1", 0)
    d.'bind'($P0)
    cb = get_global 'nothing'
    push_eh e1
    $S1 = u.'read'(10)
    say "read returned?"
e1:
    .get_results ($P1)
    pop_eh
    say $P1
    push_eh e2
    $S1 = d.'readline'()
    say "readline returned?"
e2:
    .get_results ($P1)
    pop_eh
    say $P1
    r = u.'readline'(cb)
    wait r
    $P2 = r.'error'()
    say $P2
    r = d.'read'(10, cb)
    wait r
    $P2 = r.'error'()
    say $P2
    u.'close'()
    d.'close'()
.end
.sub nothing
    .param pmc r
.end
