# TCP echo server, one task per connection, written in blocking style.
#
#   kea run examples/echo-server.pasm PORT [N]
#
# listens on 127.0.0.1:PORT (0 lets the OS pick a port), prints `listening on 127.0.0.1:PORT`
# and echoes every connection back to itself until the peer closes. With N it stops after N
# connections have come and gone. Every `accept`, `recv` and `send` below blocks only the task
# that calls it: the acceptor task and one task per connection share one OS thread, and the
# reactor runs them all.
#
# Run with no arguments, it tests itself: it listens on a port the OS picks, and main plays
# two clients against it (examples/echo-server-callbacks.pasm prints the same transcript).
.include 'socket.pasm'

.pcc_sub :main main:
    get_params "0", P0
    elements I0, P0
    set I1, 0                       # the port
    set I2, 2                       # connections to serve (0: forever)
    lt I0, 2, LISTEN                # no port: self-test
    set I1, P0[1]
    set I2, 0
    lt I0, 3, LISTEN
    set I2, P0[2]
LISTEN:
    new P1, 'Socket'
    P1."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P2 = P1."sockaddr"("127.0.0.1", I1)
    P1."bind"(P2)                   # a stream socket listens once bound
    P3 = P1."local_address"()
    I3 = P3."port"()
    # The acceptor runs as its own task; main is free to play the client.
    new P4, 'ResizablePMCArray'
    push P4, P1
    push P4, I2
    new P5, 'Task'
    find_name P6, "acceptor"
    P5."code"(P6)
    P5."data"(P4)
    schedule P5
    lt I0, 2, SELFTEST
    print "listening on "
    say P3
    wait P5
    end
SELFTEST:
    say "echo server (one task per connection) on a port the OS picked"
    set_args "0", I3
    find_name P6, "self_test"
    invokecc P6
    wait P5
    say "server: served 2 connections and stopped"
    end

# acceptor([listener, limit]): accepts connections and starts a task for each; after `limit`
# connections (0: never) it closes the listener and waits for the last ones to finish.
.pcc_sub acceptor:
    get_params "0", P0
    set P1, P0[0]
    set I0, P0[1]
    set I1, 0
    new P2, 'ResizablePMCArray'     # the connection tasks not known to be finished
    set I5, 64                      # prune the list when it reaches this size
    find_name P3, "serve"
NEXT:
    P4 = P1."accept"()
    inc I1
    new P5, 'Task'
    P5."code"(P3)
    P5."data"(P4)
    schedule P5
    push P2, P5
    # Finished connections leave the list, so that a server that runs forever does not
    # grow it: pruned each time it doubles, each task is looked at a few times at most.
    elements I2, P2
    lt I2, I5, KEPT
    set_args "0", P2
    find_name P7, "unfinished"
    invokecc P7
    get_results "0", P2
    elements I5, P2
    mul I5, I5, 2
    add I5, I5, 64
KEPT:
    ne I1, I0, NEXT
    P1."close"()
JOIN:
    elements I2, P2
    le I2, 0, DONE
    shift P5, P2
    wait P5
    branch JOIN
DONE:
    returncc

# serve(conn): echoes what arrives until the peer closes its side, then closes. A failed
# connection (reset by the peer) ends only this task.
.pcc_sub serve:
    get_params "0", P0
    push_eh FAILED
LOOP:
    S0 = P0."recv"()
    eq S0, "", EOF
    P0."send"(S0)
    branch LOOP
EOF:
    pop_eh
    P0."close"()
    returncc
FAILED:
    get_results "0", P1
    pop_eh
    set S1, P1
    set_args "0", S1
    find_name P9, "report_failure"
    invokecc P9
    P0."close"()
    returncc

# self_test(port): two clients talk to the server at the same time; their lines interleave
# on the wire and each gets its own back.
.pcc_sub self_test:
    get_params "0", I0
    set S0, I0
    concat S0, "127.0.0.1:", S0
    new P1, 'Socket'
    P1."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P1."connect"(S0)
    new P2, 'Socket'
    P2."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P2."connect"(S0)
    say "client 1 and client 2 connected"
    P1."send"("hello from client 1\n")
    P2."send"("hello from client 2\n")
    P1."send"("client 1 again\n")
    S1 = P2."readline"()
    print "client 2 got: "
    print S1
    S1 = P1."readline"()
    print "client 1 got: "
    print S1
    S1 = P1."readline"()
    print "client 1 got: "
    print S1
    # 200,000 bytes: more than a socket buffer takes at once, so both sides write in parts.
    repeat S2, "0123456789", 20000
    I1 = P2."send"(S2)
    print "client 2 sent "
    print I1
    say " bytes"
    set S3, ""
MORE:
    S1 = P2."read"(65536)
    concat S3, S3, S1
    length I2, S3
    lt I2, 200000, MORE
    print "client 2 got them back: "
    eq S3, S2, SAME
    say "different!"
    branch HALF
SAME:
    say "identical"
HALF:
    # Half-close: the server sees the end of our stream, finishes and closes its side.
    P1."shutdown"(1)
    S1 = P1."recv"()
    I3 = P1."eof"()
    print "client 1 shut its side; server closed too (eof "
    print I3
    say ")"
    P1."close"()
    P2."close"()
    say "clients closed"
    returncc

# unfinished(tasks): the tasks of the list that have not completed, in order.
.pcc_sub unfinished:
    get_params "0", P0
    new P1, 'ResizablePMCArray'
    elements I0, P0
    set I1, 0
UNFINISHED_NEXT:
    ge I1, I0, UNFINISHED_DONE
    set P2, P0[I1]
    inc I1
    S0 = P2."status"()
    eq S0, "completed", UNFINISHED_NEXT
    push P1, P2
    branch UNFINISHED_NEXT
UNFINISHED_DONE:
    set_returns "0", P1
    returncc

# report_failure(message): at most one stderr line a second, so that a storm of resets
# cannot flood the log; the next line counts the ones held back.
.pcc_sub report_failure:
    get_params "0", S0
    time N0
    get_global P0, "failure_last"   # when the last line was written
    unless_null P0, REPORT_KNOWN
    new P0, 'Float'
    set P0, -10.0
    set_global "failure_last", P0
    new P1, 'Integer'
    set_global "failure_held", P1
REPORT_KNOWN:
    get_global P1, "failure_held"   # failures since then, not written
    set N1, P0
    sub N1, N0, N1
    ge N1, 1.0, REPORT_WRITE
    inc P1
    returncc
REPORT_WRITE:
    set P0, N0
    printerr "connection failed: "
    printerr S0
    set I0, P1
    le I0, 0, REPORT_END
    printerr " ("
    printerr I0
    printerr " more held back since the last report)"
REPORT_END:
    printerr "\n"
    set P1, 0
    returncc
