# A small HTTP/1.1 server with keep-alive, one task per connection.
#
#   kea run examples/http-server.pasm PORT [N]
#
# prints `listening on 127.0.0.1:PORT` and serves until killed (with N: after N connections).
# Each connection task reads a request line and headers up to the blank line, skips a body
# the request announces with Content-Length, answers, and goes on reading the next request on
# the same connection, unless the client said `Connection: close` (or spoke HTTP/1.0 without
# `Connection: keep-alive`). Pages: `/` (HTML), `/hello` (text), anything else is 404. Each
# page says how many requests came over its connection, so keep-alive shows.
#
# Run with no arguments, it tests itself: main sends three pipelined requests over one
# connection, the last with `Connection: close`, and prints what came back.
.include 'socket.pasm'

.pcc_sub :main main:
    get_params "0", P0
    elements I0, P0
    set I1, 0                       # the port
    set I2, 1                       # connections to serve (0: forever)
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
    say "http server on a port the OS picked"
    set_args "0", I3
    find_name P6, "self_test"
    invokecc P6
    wait P5
    say "server: stopped"
    end

# acceptor([listener, limit]): a task per connection; after `limit` connections (0: never)
# it closes the listener and waits for the last ones.
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

# serve(conn): requests, one after another, until the client closes or asks to.
.pcc_sub serve:
    get_params "0", P0
    set I9, 0                       # requests on this connection
    push_eh FAILED
REQUEST:
    S0 = P0."readline"()
    eq S0, "", CLOSE                # the client closed between requests
    set_args "0", S0
    find_name P9, "chomp"
    invokecc P9
    get_results "0", S0
    eq S0, "", REQUEST              # tolerate blank lines between requests
    inc I9
    split P1, " ", S0
    elements I0, P1
    ne I0, 3, BAD
    set S1, P1[0]                   # method
    set S2, P1[1]                   # path
    set S3, P1[2]                   # version
    set I6, 0                       # Content-Length of the request body
    set I5, 1                       # keep the connection open afterwards
    ne S3, "HTTP/1.0", HEADER
    set I5, 0
HEADER:
    S4 = P0."readline"()
    eq S4, "", CLOSE                # ended inside the headers
    set_args "0", S4
    invokecc P9
    get_results "0", S4
    eq S4, "", BODY
    index I1, S4, ":"
    lt I1, 0, HEADER
    substr S5, S4, 0, I1
    downcase S5, S5
    inc I1
    length I2, S4
    sub I2, I2, I1
    substr S6, S4, I1, I2
TRIM:
    substr S7, S6, 0, 1
    ne S7, " ", VALUE
    length I2, S6
    dec I2
    substr S6, S6, 1, I2
    branch TRIM
VALUE:
    downcase S6, S6
    ne S5, "connection", LENGTH
    ne S6, "close", ALIVE
    set I5, 0
ALIVE:
    ne S6, "keep-alive", HEADER
    set I5, 1
    branch HEADER
LENGTH:
    ne S5, "content-length", HEADER
    set I6, S6
    branch HEADER
BODY:
    # A body we do not use still has to be read, or it would be taken for the next request.
    le I6, 0, ROUTE
    S8 = P0."read"(I6)
    eq S8, "", CLOSE
    bytelength I2, S8
    sub I6, I6, I2
    branch BODY
ROUTE:
    set S9, I9
    set I7, 200
    set S10, "OK"
    set S11, "text/html; charset=utf-8"
    ne S2, "/", HELLO
    set S12, "<!doctype html>\n<title>Kea</title>\n<h1>Hello from Kea</h1>\n<p>request "
    concat S12, S12, S9
    concat S12, S12, " on this connection</p>\n"
    branch RESPOND
HELLO:
    ne S2, "/hello", MISSING
    set S11, "text/plain; charset=utf-8"
    set S12, "hello, world (request "
    concat S12, S12, S9
    concat S12, S12, " on this connection)\n"
    branch RESPOND
MISSING:
    set I7, 404
    set S10, "Not Found"
    set S11, "text/plain; charset=utf-8"
    concat S12, "no page at ", S2
    concat S12, S12, "\n"
RESPOND:
    eq S1, "GET", SEND
    eq S1, "HEAD", SEND
    set I7, 405
    set S10, "Method Not Allowed"
    set S11, "text/plain; charset=utf-8"
    set S12, "only GET and HEAD\n"
SEND:
    set S13, I7
    concat S14, "HTTP/1.1 ", S13
    concat S14, S14, " "
    concat S14, S14, S10
    concat S14, S14, "\r\nContent-Type: "
    concat S14, S14, S11
    concat S14, S14, "\r\nContent-Length: "
    bytelength I2, S12
    set S13, I2
    concat S14, S14, S13
    concat S14, S14, "\r\nConnection: "
    if I5, KEEP
    concat S14, S14, "close\r\n\r\n"
    branch HEAD
KEEP:
    concat S14, S14, "keep-alive\r\n\r\n"
HEAD:
    eq S1, "HEAD", OUT
    concat S14, S14, S12
OUT:
    P0."send"(S14)
    if I5, REQUEST
    branch CLOSE
BAD:
    P0."send"("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
CLOSE:
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

# chomp(s): s without its line end ("\n" or "\r\n").
.pcc_sub chomp:
    get_params "0", S0
    length I0, S0
    le I0, 0, DONE
    dec I0
    substr S1, S0, I0, 1
    ne S1, "\n", DONE
    substr S0, S0, 0, I0
    le I0, 0, DONE
    dec I0
    substr S1, S0, I0, 1
    ne S1, "\r", DONE
    substr S0, S0, 0, I0
DONE:
    set_returns "0", S0
    returncc

# self_test(port): three requests in one write (pipelined), then the responses one by one.
.pcc_sub self_test:
    get_params "0", I0
    set S0, I0
    concat S0, "127.0.0.1:", S0
    new P1, 'Socket'
    P1."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P1."connect"(S0)
    set S1, "GET / HTTP/1.1\r\nHost: localhost\r\nUser-Agent: kea-self-test\r\n\r\n"
    concat S1, S1, "GET /nowhere HTTP/1.1\r\nHost: localhost\r\n\r\n"
    concat S1, S1, "GET /hello HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    P1."send"(S1)
    say "client: sent GET /, GET /nowhere, GET /hello (Connection: close) in one write"
    find_name P9, "chomp"
    set I1, 0
RESPONSE:
    S2 = P1."readline"()
    eq S2, "", EOF
    inc I1
    print "--- response "
    say I1
    set I5, 0
LINE:
    set_args "0", S2
    invokecc P9
    get_results "0", S2
    say S2
    eq S2, "", BODY
    index I2, S2, "Content-Length: "
    ne I2, 0, NEXT
    length I3, S2
    sub I3, I3, 16
    substr S3, S2, 16, I3
    set I5, S3
NEXT:
    S2 = P1."readline"()
    branch LINE
BODY:
    le I5, 0, RESPONSE
    S4 = P1."read"(I5)
    print S4
    bytelength I2, S4
    sub I5, I5, I2
    branch BODY
EOF:
    say "--- the server closed the connection"
    P1."close"()
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
