# `timeout(secs)` sets how long a blocking recv, recvfrom or connect may take (0, the default,
# is no limit); `timeout()` reads it back. A recv that runs out of time throws
# "recv failed: Connection timed out(110)" (PIO_ERROR, catchable); the async form fails its
# request with the same error. Nobody sends here, so the timeout is the only way out.
.include 'socket.pasm'
.include 'except_types.pasm'

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
    $N0 = conn.'timeout'()
    print "default timeout: "
    say $N0
    conn.'timeout'(0.05)
    $N0 = conn.'timeout'()
    print "timeout now: "
    say $N0
    push_eh timed_out
    $S0 = conn.'recv'()
    pop_eh
    say "not reached"
timed_out:
    .get_results ($P1)
    pop_eh
    $S1 = $P1
    $I0 = $P1['type']
    print "caught: "
    say $S1
    if $I0 != .EXCEPTION_PIO_ERROR goto async
    say "type PIO_ERROR"
async:
    cb = get_global 'on_recv'
    r = conn.'recv'(cb)
    wait r
    $P2 = r.'error'()
    print "async error: "
    say $P2
    # The socket is still usable: a later recv gets what arrives.
    conn.'timeout'(0)
    client.'send'("late\n")
    $S0 = conn.'recv'()
    print "then got: "
    print $S0
    client.'close'()
    conn.'close'()
.end

.sub on_recv
    .param pmc r
    $S0 = r.'state'()
    print "recv callback: "
    say $S0
.end
