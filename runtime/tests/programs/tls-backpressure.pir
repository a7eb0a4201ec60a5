.sub main :main
    .param pmc argv
    .local pmc c, parts, t, flag, stdin
    .local string big
    stdin = getstdin
    $S0 = argv[1]
    $I0 = $S0
    $S0 = argv[3]
    $I4 = $S0
    parts = new 'ResizableStringArray'
    $I1 = 0
gen:
    $S1 = $I1
    $S1 .= "\n"
    push parts, $S1
    inc $I1
    if $I1 < 200000 goto gen
    $S1 = join "", parts
    big = repeat $S1, $I4
    $S5 = argv[2]
    c = tls_connect($I0, $S5)
    flag = new 'Integer'
    flag = 1
    set_global 'sending', flag
    t = new 'Task'
    $P1 = get_global 'ticker'
    t.'code'($P1)
    t.'data'(c)
    schedule t
    $I2 = length big
    print "send start "
    say $I2
    $I3 = c.'send'(big)
    print "send done "
    say $I3
    flag = 0
    wait t
    c.'close'()
    say "closed"
    $S9 = readline stdin
.end

# Prints a tick with the socket's queue every 10 ms while main's send is parked.
.sub ticker
    .param pmc c
    .local pmc flag
    flag = get_global 'sending'
again:
    sleep 0.01
    $I0 = flag
    if $I0 == 0 goto done
    $I1 = c.'queued'()
    print "tick "
    say $I1
    goto again
done:
.end
