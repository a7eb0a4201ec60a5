.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc s, a, r, cb, stdin
    $S0 = argv[1]
    $I0 = $S0
    stdin = getstdin
    say "baseline"
    $S9 = readline stdin
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    a = s.'sockaddr'("127.0.0.1", $I0)
    push_eh sync_failed
    s.'connect'(a)
    pop_eh
    say "sync: connected"
    goto async
sync_failed:
    .get_results ($P0)
    pop_eh
    $S1 = $P0
    print "sync: "
    say $S1
async:
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    cb = get_global 'on_connect'
    r = s.'connect'(a, cb)
    wait r
    $I1 = r
    print "async state: "
    say $I1
    $P1 = r.'error'()
    $S2 = $P1
    print "async: "
    say $S2
    # The socket whose connect failed is still usable for another connect.
    push_eh again_failed
    s.'connect'(a)
    pop_eh
    say "again: connected"
    goto done
again_failed:
    .get_results ($P0)
    pop_eh
    $S1 = $P0
    print "again: "
    say $S1
done:
    say "done"
    $S9 = readline stdin
.end

.sub on_connect
    .param pmc r
    $I0 = r
    print "callback, state "
    say $I0
.end
