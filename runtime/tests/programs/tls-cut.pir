.sub main :main
    .param pmc argv
    .local pmc a, b, c, t, cb, r
    .local string ca
    $S0 = argv[1]
    $I0 = $S0
    ca = argv[2]
    a = tls_connect($I0, ca)
    b = tls_connect($I0, ca)
    c = tls_connect($I0, ca)
    t = new 'Task'
    $P8 = get_global 'read_all'
    t.'code'($P8)
    t.'data'(a)
    schedule t
    c.'send'("go\n")
    wait t
    cb = get_global 'quiet'
more_b:
    r = b.'recv'(cb)
    wait r
    $I1 = r
    if $I1 < 0 goto b_failed
    $S1 = r.'return'()
    if $S1 == "" goto b_eof
    print "b async got: "
    print $S1
    goto more_b
b_eof:
    say "b async: end of stream"
    goto c_side
b_failed:
    $P1 = r.'error'()
    print "b async: "
    say $P1
c_side:
    $S1 = c.'recv'()
    print "c got: "
    print $S1
    $S1 = c.'recv'()
    $I1 = length $S1
    print "c then: "
    print $I1
    print " bytes, eof "
    $I1 = c.'eof'()
    say $I1
    a.'close'()
    b.'close'()
    c.'close'()
    say "closed"
.end

.sub read_all
    .param pmc a
    push_eh failed
more:
    $S0 = a.'recv'()
    if $S0 == "" goto eof
    print "a got: "
    print $S0
    goto more
eof:
    pop_eh
    say "a: end of stream"
    .return ()
failed:
    .get_results ($P0)
    pop_eh
    print "a: "
    say $P0
.end
