.include 'socket.pasm'
.sub main :main
    .local pmc s, r, cb, never, t, ticks, stop, stdin, listener
    .local int before
    stdin = getstdin
    say "baseline"
    $S9 = readline stdin
    ticks = box 0
    set_global 'ticks', ticks
    stop = box 0
    set_global 'stop', stop
    $P0 = box 0
    set_global 'callbacks', $P0
    t = new 'Task'
    $P1 = get_global 'ticker'
    t.'code'($P1)
    schedule t
    s = new 'Socket'
    s.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)

    before = ticks
    push_eh sockaddr_failed
    $P0 = s.'sockaddr'("nonexistent.invalid", 80)
    pop_eh
    say "sockaddr: resolved"
    goto getaddrinfo
sockaddr_failed:
    .get_results ($P0)
    pop_eh
    $I0 = ticks
    $I0 -= before
    print "sockaddr ticks: "
    say $I0
    print "sockaddr: "
    say $P0
getaddrinfo:
    before = ticks
    push_eh getaddrinfo_failed
    $P0 = s.'getaddrinfo'("nonexistent.invalid", 80, .PIO_PROTO_TCP, .PIO_PF_INET, 0)
    pop_eh
    say "getaddrinfo: resolved"
    goto connect
getaddrinfo_failed:
    .get_results ($P0)
    pop_eh
    $I0 = ticks
    $I0 -= before
    print "getaddrinfo ticks: "
    say $I0
    print "getaddrinfo: "
    say $P0
connect:
    before = ticks
    push_eh connect_failed
    s.'connect'("nonexistent.invalid:80")
    pop_eh
    say "connect: connected"
    goto bind
connect_failed:
    .get_results ($P0)
    pop_eh
    $I0 = ticks
    $I0 -= before
    print "connect ticks: "
    say $I0
    print "connect: "
    say $P0
bind:
    push_eh bind_failed
    s.'bind'("nonexistent.invalid:0")
    pop_eh
    say "bind: bound"
    goto async
bind_failed:
    .get_results ($P0)
    pop_eh
    print "bind: "
    say $P0

async:
    cb = get_global 'counted'
    before = ticks
    r = s.'sockaddr'("nonexistent.invalid", 80, .PIO_PF_INET, cb)
    wait r
    $I0 = ticks
    $I0 -= before
    print "async sockaddr ticks: "
    say $I0
    $S0 = r.'state'()
    $P0 = r.'error'()
    print "async sockaddr: "
    print $S0
    print ": "
    say $P0
    before = ticks
    r = s.'getaddrinfo'("nonexistent.invalid", 80, .PIO_PROTO_TCP, .PIO_PF_INET, 0, cb)
    wait r
    $I0 = ticks
    $I0 -= before
    print "async getaddrinfo ticks: "
    say $I0
    $S0 = r.'state'()
    $P0 = r.'error'()
    print "async getaddrinfo: "
    print $S0
    print ": "
    say $P0
    before = ticks
    r = s.'connect'("nonexistent.invalid:80", cb)
    wait r
    $I0 = ticks
    $I0 -= before
    print "async connect ticks: "
    say $I0
    $S0 = r.'state'()
    $P0 = r.'error'()
    print "async connect: "
    print $S0
    print ": "
    say $P0

    # Cancelled while the name is being looked up.
    .local pmc r1, r2, r3
    never = get_global 'never'
    r1 = s.'getaddrinfo'("nonexistent.invalid", 80, .PIO_PROTO_TCP, .PIO_PF_INET, 0, never)
    $S0 = r1.'cancel'()
    print "cancel getaddrinfo: "
    say $S0
    r2 = s.'connect'("nonexistent.invalid:80", never)
    $S0 = r2.'cancel'()
    print "cancel connect nonexistent: "
    say $S0
    listener = new 'Socket'
    listener.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    listener.'bind'("127.0.0.1:0")
    $P0 = listener.'local_address'()
    $I0 = $P0.'port'()
    $S1 = $I0
    $S1 = "localhost:" . $S1
    $P2 = new 'Socket'
    $P2.'socket'(.PIO_PF_INET, .PIO_SOCK_STREAM, .PIO_PROTO_TCP)
    r3 = $P2.'connect'($S1, never)
    $S0 = r3.'cancel'()
    print "cancel connect localhost: "
    say $S0
    wait r1
    wait r2
    wait r3
    # Long after every lookup has answered: no connection may arrive.
    push_eh accept_failed
    $P3 = listener.'accept'(1.0)
    pop_eh
    say "accept: a connection came"
    $P3.'close'()
    goto after
accept_failed:
    .get_results ($P0)
    pop_eh
    print "accept: "
    say $P0
after:
    listener.'close'()
    $S0 = r1.'state'()
    $S2 = r2.'state'()
    $S3 = r3.'state'()
    print "states after: "
    print $S0
    print " "
    print $S2
    print " "
    say $S3
    $P0 = get_global 'callbacks'
    print "callbacks: "
    say $P0
    stop = 1
    wait t
    say "done"
    $S9 = readline stdin
.end

.sub ticker
    .local pmc ticks, stop
    ticks = get_global 'ticks'
    stop = get_global 'stop'
    $I0 = 0
loop:
    if stop goto done
    inc ticks
    pass
    inc $I0
    if $I0 < 3000000 goto loop
done:
.end

.sub counted
    .param pmc r
    $P0 = get_global 'callbacks'
    inc $P0
.end

.sub never
    .param pmc r
    say "a cancelled request's callback ran"
.end
