.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc l, opts, conn
    .local int i, n, k
    l = new 'Socket'
    l.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    l.'bind'("127.0.0.1:0")
    $P0 = l.'local_address'()
    $I0 = $P0.'port'()
    print "port "
    say $I0
    opts = new 'Hash'
    opts["server"] = 1
    $S0 = argv[1]
    opts["cert"] = $S0
    $S0 = argv[2]
    opts["key"] = $S0
    n = elements argv
    i = 3
opt:
    if i >= n goto go
    $S0 = argv[i]
    inc i
    $S1 = argv[i]
    inc i
    opts[$S0] = $S1
    goto opt
go:
    k = 0
next:
    conn = l.'accept'()
    push_eh failed
    conn.'tls'(opts)
    $S0 = conn.'alpn'()
    print "server: handshake done, alpn '"
    print $S0
    say "'"
    $S0 = conn.'readline'()
    conn.'send'($S0)
    pop_eh
    goto close
failed:
    .get_results ($P0)
    pop_eh
    print "server: "
    say $P0
close:
    conn.'close'()
    inc k
    if k < 3 goto next
.end
