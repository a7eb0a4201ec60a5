.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, r, cb, eh
    $S0 = argv[1]
    $I0 = $S0
    a = new 'Socket'
    a.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    $P0 = a.'sockaddr'("127.0.0.1", $I0)
    a.'connect'($P0)
    a.'send'("go\n")
    push_eh recv_failed
    $S1 = a.'recv'()
    pop_eh
    print "recv returned: "
    say $S1
    goto blocking
recv_failed:
    .get_results ($P0)
    pop_eh
    print "recv: "
    say $P0
blocking:
    push_eh send_failed
    a.'send'("after the reset\n")
    pop_eh
    say "send: sent"
    goto read
send_failed:
    .get_results ($P0)
    pop_eh
    print "send: "
    say $P0
read:
    push_eh read_failed
    $S1 = a.'read'(10)
    pop_eh
    say "read: returned"
    goto readline
read_failed:
    .get_results ($P0)
    pop_eh
    print "read: "
    say $P0
readline:
    push_eh readline_failed
    $S1 = a.'readline'()
    pop_eh
    say "readline: returned"
    goto again
readline_failed:
    .get_results ($P0)
    pop_eh
    print "readline: "
    say $P0
again:
    push_eh recv_again_failed
    $S1 = a.'recv'()
    pop_eh
    say "recv again: returned"
    goto tls
recv_again_failed:
    .get_results ($P0)
    pop_eh
    print "recv again: "
    say $P0
tls:
    push_eh tls_failed
    a.'tls'("localhost")
    pop_eh
    say "tls: done"
    goto async
tls_failed:
    .get_results ($P0)
    pop_eh
    print "tls: "
    say $P0
async:
    cb = get_global 'report'
    r = a.'send'("async\n", cb)
    wait r
    r = a.'recv'(cb)
    wait r
    r = a.'read'(10, cb)
    wait r
    r = a.'readline'(cb)
    wait r
    a.'close'()
    say "closed"
.end

.sub report
    .param pmc r
    $S0 = r.'state'()
    $P0 = r.'error'()
    print "async "
    print $S0
    print ": "
    say $P0
.end
