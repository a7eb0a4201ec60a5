# A name that does not resolve (`.invalid` never does, RFC 6761) fails every form that looks
# names up: `sockaddr`, `getaddrinfo`, and `connect` or `bind` with "name:port" text throw a
# catchable PIO_ERROR "getaddrinfo failed: nonexistent.invalid: " followed by the resolver's
# text, which varies by system, so `show` prints only the fixed start. The async form fails
# its request with the same message and runs its callback. While the lookup is pending on the
# resolver pool, other tasks run: the ticker counts. A request cancelled while its name is
# looked up completes once, as cancelled ("not started" for a connect, "in progress" for a
# lookup), its callback never runs, and the resolver's late answer is dropped.
.include 'socket.pasm'

.sub main :main
    .local pmc s, r, cb, never, t, ticks, stop
    .local int before
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
    $I0 = $I0 > before
    print "the ticker ran during the lookup: "
    say $I0
    show("sockaddr", $P0)
getaddrinfo:
    push_eh getaddrinfo_failed
    $P0 = s.'getaddrinfo'("nonexistent.invalid", 80, .PIO_PROTO_TCP, .PIO_PF_INET, 0)
    pop_eh
    say "getaddrinfo: resolved"
    goto connect
getaddrinfo_failed:
    .get_results ($P0)
    pop_eh
    show("getaddrinfo", $P0)
connect:
    push_eh connect_failed
    s.'connect'("nonexistent.invalid:80")
    pop_eh
    say "connect: connected"
    goto bind
connect_failed:
    .get_results ($P0)
    pop_eh
    show("connect", $P0)
bind:
    push_eh bind_failed
    s.'bind'("nonexistent.invalid:0")
    pop_eh
    say "bind: bound"
    goto async
bind_failed:
    .get_results ($P0)
    pop_eh
    show("bind", $P0)

async:
    cb = get_global 'counted'
    r = s.'getaddrinfo'("nonexistent.invalid", 80, .PIO_PROTO_TCP, .PIO_PF_INET, 0, cb)
    wait r
    $S0 = r.'state'()
    print "async getaddrinfo: "
    say $S0
    $P0 = r.'error'()
    show("async getaddrinfo", $P0)
    r = s.'connect'("nonexistent.invalid:80", cb)
    wait r
    $S0 = r.'state'()
    print "async connect: "
    say $S0
    $P0 = r.'error'()
    show("async connect", $P0)

    # Cancelled at once, before the resolver can answer.
    never = get_global 'never'
    disable_preemption
    r = s.'connect'("nonexistent.invalid:80", never)
    $S0 = r.'cancel'()
    enable_preemption
    print "cancel a connect waiting for its name: "
    say $S0
    wait r
    $S0 = r.'state'()
    print "its state: "
    say $S0
    disable_preemption
    r = s.'sockaddr'("nonexistent.invalid", 80, .PIO_PF_INET, never)
    $S0 = r.'cancel'()
    enable_preemption
    print "cancel a pending lookup: "
    say $S0
    wait r
    $S0 = r.'state'()
    print "its state: "
    say $S0
    stop = 1
    wait t
    $P0 = get_global 'callbacks'
    print "callbacks run: "
    say $P0
.end

# Prints `label: ` and the fixed start of a lookup failure, then whether more text follows.
.sub show
    .param string label
    .param pmc e
    $S0 = e
    $S1 = substr $S0, 0, 41
    $I0 = length $S0
    print label
    print ": "
    print $S1
    if $I0 > 41 goto more
    say ""
    .return ()
more:
    say "..."
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
