# Buffered reads on a socket: `read(n)` returns up to n bytes of what has arrived,
# `readline()` returns a line with its "\n", `readline(sep)` ends at `sep` instead, and at
# the end of the stream `readline` returns what is left and then "". `puts` is `send`. Each has
# an async form that takes a trailing callback.
.include 'socket.pasm'

.sub main :main
    .local pmc listener, local, client, conn, cb, r
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = listener.'sockaddr'("127.0.0.1", 0)
    listener.'bind'($P0)
    local = listener.'local_address'()
    client = new 'Socket'
    client.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    client.'connect'(local)
    conn = listener.'accept'()
    listener.'close'()
    client.'puts'("alpha\nbeta\ngamma;delta;")
    cb = get_global 'on_puts'
    r = client.'puts'("epsilon\nzeta\nend", cb)
    wait r
    client.'close'()

    $S0 = conn.'read'(3)
    print "read(3): "
    say $S0
    $S0 = conn.'readline'()
    print "readline: "
    print $S0
    $S0 = conn.'readline'()
    print "readline: "
    print $S0
    $S0 = conn.'readline'(";")
    print "readline(';'): "
    say $S0
    cb = get_global 'on_read'
    r = conn.'read'(6, cb)
    wait r
    cb = get_global 'on_line'
    r = conn.'readline'(cb)
    wait r
    r = conn.'readline'(cb)
    wait r
    $S0 = conn.'readline'()
    print "readline: '"
    print $S0
    say "' (no newline before the end: the rest)"
    $S0 = conn.'readline'()
    $I0 = conn.'eof'()
    print "readline at the end: '"
    print $S0
    print "', eof "
    say $I0
    conn.'close'()
.end

.sub on_puts
    .param pmc r
    $I0 = r.'return'()
    print "async puts sent "
    say $I0
.end

.sub on_read
    .param pmc r
    $S0 = r.'return'()
    print "async read(6): "
    say $S0
.end

.sub on_line
    .param pmc r
    $S0 = r.'return'()
    print "async readline: "
    print $S0
.end
