.include 'socket.pasm'
.sub main :main
    .param pmc argv
    .local pmc a, b, sender, ticker
    .local string dir, b_path
    .local int i, bad
    dir = argv[1]
    b_path = dir . "/b.sock"
    b = new 'Socket'
    b.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    b.'bind'(b_path)
    a = new 'Socket'
    a.'socket'(.PIO_PF_UNIX, .PIO_SOCK_DGRAM, 0)
    $S0 = dir . "/a.sock"
    a.'bind'($S0)
    $P8 = new 'String'
    $P8 = b_path
    set_global 'b_path', $P8
    $P9 = new 'Integer'
    $P9 = 0
    set_global 'done', $P9
    $P0 = get_global 'send_all'
    sender = new 'Task'
    sender.'code'($P0)
    sender.'data'(a)
    schedule sender
    $P1 = get_global 'tick'
    ticker = new 'Task'
    ticker.'code'($P1)
    schedule ticker
    wait ticker
    i = 0
    bad = 0
next:
    $S0 = b.'recv'(10.0)
    $S1 = i
    if $S0 == $S1 goto ok
    inc bad
ok:
    inc i
    if i < 3000 goto next
    wait sender
    print "received 3000, out of order or wrong: "
    say bad
.end

.sub send_all
    .param pmc a
    .local int i
    $P8 = get_global 'b_path'
    $S9 = $P8
    i = 0
again:
    $S0 = i
    a.'sendto'($S0, $S9)
    inc i
    if i < 3000 goto again
    say "sent 3000"
    $P0 = get_global 'done'
    $P0 = 1
.end

.sub tick
    .local int n
    n = 0
loop:
    inc n
    sleep 0.001
    if n < 20 goto loop
    $P0 = get_global 'done'
    $I0 = $P0
    print "after 20 ticks the sender is done: "
    say $I0
.end
