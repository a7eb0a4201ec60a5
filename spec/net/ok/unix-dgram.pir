# Unix-domain datagram sockets (PIO_PF_UNIX or PIO_PF_LOCAL with PIO_SOCK_DGRAM): the address
# is a path. `bind` creates the socket file (it does not listen); `sendto(data, path)` sends one
# datagram and returns its size; `recvfrom()` returns the datagram and the sender's Sockaddr,
# whose text is the sender's path, or "" for a sender that never bound one. Each send is one
# datagram and each receive takes one whole. `connect` fixes the peer, after which `send` and
# `recv` work on datagrams. The paths are made unique with the time in microseconds and never
# printed.
.include 'socket.pasm'

.sub main :main
    .local pmc a, b, c, got, from, cb, r, task
    .local string a_path, b_path
    time $N0
    $N0 *= 1000000.0
    $I0 = $N0
    $S0 = $I0
    a_path = "/tmp/kea-spec-net-udg-a-" . $S0
    a_path .= ".sock"
    b_path = "/tmp/kea-spec-net-udg-b-" . $S0
    b_path .= ".sock"
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    a.'bind'(a_path)
    b = new 'Socket'
    b.'socket'(.PIO_PF_LOCAL, .PIO_SOCK_DGRAM, 0)
    $P0 = b.'sockaddr'(b_path, 0)
    b.'bind'($P0)
    $P1 = b.'local_address'()
    $S1 = $P1
    if $S1 != b_path goto odd
    say "b's local address is its path"
odd:

    # Blocking: b's task waits in recvfrom while a sends.
    $P2 = get_global 'receive_two'
    task = new 'Task'
    task.'code'($P2)
    task.'data'(b)
    schedule task
    $I1 = a.'sendto'("first datagram", b_path)
    $I2 = a.'sendto'("second", b_path)
    wait task
    print "sendto returned "
    say $I1
    print "sendto returned "
    say $I2
    $P3 = get_global 'task_from'
    $S2 = $P3
    if $S2 != a_path goto odd2
    say "the sender's address is a's path"
odd2:

    # Async: a callback for each of recvfrom and sendto.
    cb = get_global 'on_recvfrom'
    r = a.'recvfrom'(cb)
    $P4 = get_global 'on_sendto'
    $P5 = b.'sendto'("reply", a_path, $P4)
    wait $P5
    wait r

    # A connected socket that never bound: its datagrams come from "".
    c = new 'Socket'
    c.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    c.'connect'(b_path)
    $P6 = c.'remote_address'()
    $S3 = $P6
    if $S3 != b_path goto odd3
    say "c's remote address is b's path"
odd3:
    c.'send'("via connect")
    got = b.'recvfrom'()
    $S4 = got[0]
    from = got[1]
    print "b got '"
    print $S4
    print "' from '"
    print from
    $I2 = from.'family'()
    print "', family "
    say $I2
    c.'send'("and recv")
    b.'sendto'("x", a_path)
    $S5 = b.'recv'()
    print "recv on b: "
    say $S5
    $S5 = a.'recv'()
    print "recv on a: "
    say $S5

    # A per-call timeout.
    push_eh timed_out
    $S6 = c.'recv'(0.05)
    say "received?"
timed_out:
    .get_results ($P7)
    pop_eh
    say $P7
    a.'close'()
    b.'close'()
    c.'close'()
    $I3 = c.'is_closed'()
    print "closed "
    say $I3
.end

.sub receive_two
    .param pmc b
    .local pmc got
    got = b.'recvfrom'()
    $S0 = got[0]
    print "task got '"
    print $S0
    say "'"
    got = b.'recvfrom'()
    $S0 = got[0]
    print "task got '"
    print $S0
    say "'"
    $P0 = got[1]
    set_global 'task_from', $P0
.end

.sub on_sendto
    .param pmc r
    $I0 = r.'return'()
    print "async sendto returned "
    say $I0
.end

.sub on_recvfrom
    .param pmc r
    .local pmc got
    got = r.'return'()
    $S0 = got[0]
    print "async recvfrom: '"
    print $S0
    say "'"
.end
# platforms: unix. Why: Unix-domain datagram sockets; Windows has none (spec/platforms.rst).
# on windows: bind failed: Unix-domain sockets are not supported on this platform
