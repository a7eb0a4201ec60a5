# The async form of a failing socket method fails its request with the same error the
# blocking form throws (net/err/*): the callback runs, `error()` is the Exception and
# `throw()` would rethrow it. Failures at the op itself (a closed socket) fail the request too.
.include 'socket.pasm'

.sub main :main
    .local pmc s, cb, r, listener, addr
    cb = get_global 'report'
    # Connection refused: a port that was just free.
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    addr = listener.'local_address'()
    listener.'close'()
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    r = s.'connect'(addr, cb)
    wait r
    # Bad address text.
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    r = s.'connect'("no-port-here", cb)
    wait r
    # accept on a socket that is connected, not listening.
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    addr = listener.'local_address'()
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    s.'connect'(addr)
    r = s.'accept'(cb)
    wait r
    # recv and send on a closed socket.
    s.'close'()
    r = s.'recv'(cb)
    wait r
    r = s.'send'("x", cb)
    wait r
    listener.'close'()
.end

.sub report
    .param pmc r
    $S0 = r.'state'()
    $P0 = r.'error'()
    print $S0
    print ": "
    say $P0
.end
