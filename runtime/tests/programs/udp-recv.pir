.include 'socket.pasm'
.sub main :main
    .local pmc b, c, r, cb
    b = new 'Socket'
    b.'socket'(.PIO_PF_INET, .PIO_SOCK_DGRAM, .PIO_PROTO_UDP)
    b.'bind'("127.0.0.1:0")
    $P0 = b.'local_address'()
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_DGRAM, .PIO_PROTO_UDP)
    c.'connect'($P0)
    c.'send'("one")
    c.'send'("two")
    $S0 = b.'recv'(5.0)
    say $S0
    cb = get_global 'nothing'
    r = b.'recv'(5.0, cb)
    wait r
    $S0 = r.'return'()
    say $S0
.end
.sub nothing
    .param pmc r
.end
