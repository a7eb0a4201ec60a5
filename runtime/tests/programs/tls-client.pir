.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc s, opts
    .local int i, n
    $S0 = argv[1]
    $I0 = $S0
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = s.'sockaddr'("127.0.0.1", $I0)
    s.'connect'($P0)
    opts = new 'Hash'
    opts["host"] = "localhost"
    $S0 = argv[2]
    opts["ca"] = $S0
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
    push_eh failed
    s.'tls'(opts)
    say "handshake done"
    $S0 = s.'alpn'()
    print "alpn: '"
    print $S0
    say "'"
    s.'send'("hello\n")
    $S0 = s.'readline'()
    print "got: "
    print $S0
    pop_eh
    s.'close'()
    .return ()
failed:
    .get_results ($P0)
    pop_eh
    print "error: "
    say $P0
    s.'close'()
.end
