.include 'socket.pasm'
.sub main :main
    .local pmc listener, addr, client, server
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    addr = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'(addr)
    listener.'listen'(64)
    addr = listener.'local_address'()
    $I0 = 0
loop:
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(addr)
    server = listener.'accept'()
    server.'send'("x")
    $S0 = client.'recv'()
    inc $I0
    if $I0 < 2000 goto loop
    say "2000 connections, none closed by the program"
.end
