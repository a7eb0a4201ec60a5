# A line-based chat server: every line a client sends goes to all the other clients.
#
#   kea run examples/chat-server.pasm PORT [N]
#
# prints `listening on 127.0.0.1:PORT`; each connection gets a task and a name (user1,
# user2, ...). A client's lines reach the others as `userN: line`; joins and departures are
# announced as `* userN joined` / `* userN left`. The clients are a global array that every
# connection task reads and changes: tasks are green threads on one OS thread, and a task
# only gives way inside an op that blocks or at the end of its slice, so no lock is needed
# for an update that blocks nowhere. Sending to a client that has gone fails only that send.
# With N the server stops after N connections have come and gone.
#
# Run with no arguments, it tests itself: main plays three clients.
.include 'socket.pasm'

.pcc_sub :main main:
    get_params "0", P0
    elements I0, P0
    set I1, 0                       # the port
    set I2, 3                       # connections to serve (0: forever)
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
    set_global "clients", P4        # [socket, name] pairs of the clients present
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
    say "chat server on a port the OS picked"
    set_args "0", I3
    find_name P6, "self_test"
    invokecc P6
    wait P5
    say "server: stopped"
    end

# acceptor([listener, limit]): a task per connection, named in order of arrival.
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
    set S0, I1
    concat S0, "user", S0
    new P6, 'ResizablePMCArray'
    push P6, P4
    push P6, S0
    new P5, 'Task'
    P5."code"(P3)
    P5."data"(P6)
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

# serve([conn, name]): joins the room, relays the client's lines, leaves.
.pcc_sub serve:
    get_params "0", P1
    set P0, P1[0]
    set S0, P1[1]
    get_global P2, "clients"
    push P2, P1                     # present from now on: no line is missed
    find_name P9, "broadcast"
    push_eh GONE
    concat S1, "welcome, you are ", S0
    concat S1, S1, "\n"
    P0."send"(S1)
    concat S1, "* ", S0
    concat S1, S1, " joined\n"
    set_args "0,0", P0, S1
    invokecc P9
LOOP:
    S2 = P0."readline"()
    eq S2, "", GONE_CLEAN
    length I0, S2
    dec I0
    substr S3, S2, I0, 1
    eq S3, "\n", RELAY
    concat S2, S2, "\n"             # the last line had no end
RELAY:
    concat S1, S0, ": "
    concat S1, S1, S2
    set_args "0,0", P0, S1
    invokecc P9
    branch LOOP
GONE:
    get_results "0", P3             # the connection failed: leave all the same
GONE_CLEAN:
    pop_eh
    # Leave the room, then tell the others.
    elements I1, P2
    set I2, 0
FIND:
    ge I2, I1, LEFT
    set P4, P2[I2]
    set P5, P4[0]
    issame I3, P5, P0
    if I3, REMOVE
    inc I2
    branch FIND
REMOVE:
    delete P2[I2]
LEFT:
    concat S1, "* ", S0
    concat S1, S1, " left\n"
    set_args "0,0", P0, S1
    invokecc P9
    P0."close"()
    returncc

# broadcast(from, line): sends line to every client but `from`; a send that fails (that
# client has gone) is skipped, and that client's own task cleans up after it.
.pcc_sub broadcast:
    get_params "0,0", P0, S0
    get_global P1, "clients"
    clone P2, P1                    # a send may block, and the room may change meanwhile
    elements I0, P2
    set I1, 0
NEXT:
    ge I1, I0, DONE
    set P3, P2[I1]
    inc I1
    set P4, P3[0]
    issame I2, P4, P0
    if I2, NEXT
    push_eh FAILED
    P4."send"(S0)
    pop_eh
    branch NEXT
FAILED:
    get_results "0", P5
    pop_eh
    branch NEXT
DONE:
    returncc

# self_test(port): three clients chat.
.pcc_sub self_test:
    get_params "0", I0
    set S0, I0
    concat S0, "127.0.0.1:", S0
    new P1, 'Socket'
    P1."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P1."connect"(S0)
    S1 = P1."readline"()
    print "A got: "
    print S1
    new P2, 'Socket'
    P2."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P2."connect"(S0)
    S1 = P2."readline"()
    print "B got: "
    print S1
    S1 = P1."readline"()
    print "A got: "
    print S1
    new P3, 'Socket'
    P3."socket"(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    P3."connect"(S0)
    S1 = P3."readline"()
    print "C got: "
    print S1
    S1 = P1."readline"()
    print "A got: "
    print S1
    S1 = P2."readline"()
    print "B got: "
    print S1
    say "A says: hello, everyone"
    P1."send"("hello, everyone\n")
    S1 = P2."readline"()
    print "B got: "
    print S1
    S1 = P3."readline"()
    print "C got: "
    print S1
    say "C says: hi A (and leaves no line end)"
    P3."send"("hi A")
    P3."shutdown"(1)
    S1 = P1."readline"()
    print "A got: "
    print S1
    S1 = P2."readline"()
    print "B got: "
    print S1
    S1 = P1."readline"()
    print "A got: "
    print S1
    S1 = P2."readline"()
    print "B got: "
    print S1
    P3."close"()
    say "B leaves"
    P2."close"()
    S1 = P1."readline"()
    print "A got: "
    print S1
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
