.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc c
    .local string got
    $S0 = argv[1]
    $I0 = $S0
    c = new 'Socket'
    c.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = c.'sockaddr'("127.0.0.1", $I0)
    c.'connect'($P0)
    got = ""
more:
    $S1 = c.'recv'()
    if $S1 == "" goto eof
    got .= $S1
    goto more
eof:
    print "got: "
    print got
    $I1 = c.'eof'()
    print "eof: "
    say $I1
    # The end of the stream stays the end: no hang, no error.
    $S1 = c.'recv'()
    $I1 = length $S1
    print "recv again: "
    say $I1
    # Our side is still open: a line and 1 MiB (more than the high-water mark, so this send
    # parks until the OS has taken most of it), then our own FIN after the queue is out.
    c.'send'("after eof\n")
    $S2 = repeat "0123456789abcdef", 65536
    c.'send'($S2)
    c.'shutdown'(1)
    c.'close'()
    say "closed"
.end
