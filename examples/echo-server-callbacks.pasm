# TCP echo server with callbacks only: no task is ever started for a connection.
#
#   kea run examples/echo-server-callbacks.pasm PORT [N]
#
# The same server as examples/echo-server.pasm, written the other way. `accept` with a
# callback is a stream: `on_accept` runs once per connection. Each connection is a chain of
# requests: `recv` calls `on_recv`, which starts a `send` that calls `on_sent`, which starts
# the next `recv`. A request's `handle()` is the socket it ran on, so the callbacks need no
# other state. With N the listener closes after N connections have come and gone, which ends
# the accept stream (its request completes as cancelled).
#
# Run with no arguments, it tests itself: main plays two clients in blocking style while the
# server's callbacks run between its steps; the transcript matches echo-server.pasm's.
.include 'socket.pasm'

.pcc_sub :main main:
    get_params "0", P0
    elements I0, P0
    set I1, 0                       # the port
    set I2, 2                       # connections to serve (0: forever)
    lt I0, 2, LISTEN
    set I1, P0[1]
    set I2, 0
    lt I0, 3, LISTEN
    set I2, P0[2]
LISTEN:
    new P1, 'Socket'
    P1."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P2 = P1."sockaddr"("127.0.0.1", I1)
    P1."bind"(P2)
    P3 = P1."local_address"()
    I3 = P3."port"()
    set_global "listener", P1
    new P4, 'Integer'
    set P4, I2
    set_global "limit", P4
    new P4, 'Integer'
    set P4, 0
    set_global "finished", P4
    find_name P5, "on_accept"
    P6 = P1."accept"(P5)            # a stream request: on_accept runs per connection
    lt I0, 2, SELFTEST
    print "listening on "
    say P3
    end                             # main ends; the pending accept keeps the program alive
SELFTEST:
    say "echo server (callbacks only) on a port the OS picked"
    set_args "0", I3
    find_name P7, "self_test"
    invokecc P7
    wait P6                         # the accept stream ends when the listener closes
    say "server: served 2 connections and stopped"
    end

.pcc_sub on_accept:
    get_params "0", P0
    P1 = P0."return"()              # the new connection
    find_name P2, "on_recv"
    P1."recv"(P2)
    returncc

.pcc_sub on_recv:
    get_params "0", P0
    P1 = P0."handle"()
    set I0, P0
    lt I0, 0, CLOSE                 # failed (reset by the peer): close it
    S0 = P0."return"()
    eq S0, "", CLOSE                # the peer closed its side
    find_name P2, "on_sent"
    P1."send"(S0, P2)
    returncc
CLOSE:
    lt I0, 0, REPORT
    branch DONE
REPORT:
    P3 = P0."error"()
    set S1, P3
    set_args "0", S1
    find_name P9, "report_failure"
    invokecc P9
DONE:
    P1."close"()
    get_global P4, "finished"
    inc P4
    get_global P5, "limit"
    ne P4, P5, RET
    get_global P6, "listener"
    P6."close"()
RET:
    returncc

.pcc_sub on_sent:
    get_params "0", P0
    P1 = P0."handle"()
    set I0, P0
    lt I0, 0, FAILED
    find_name P2, "on_recv"
    P1."recv"(P2)
    returncc
FAILED:
    # The send failed (the peer is gone): close it and count it as finished.
    P3 = P0."error"()
    set S1, P3
    set_args "0", S1
    find_name P9, "report_failure"
    invokecc P9
    P1."close"()
    get_global P4, "finished"
    inc P4
    get_global P5, "limit"
    ne P4, P5, RET
    get_global P6, "listener"
    P6."close"()
RET:
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
