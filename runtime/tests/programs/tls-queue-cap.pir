.sub main :main
    .param pmc argv
    .local pmc c, cb, r1, r2
    $S0 = argv[1]
    $I0 = $S0
    $S5 = argv[2]
    c = tls_connect($I0, $S5)
    # Nobody reads: 40 MiB queue; 40 MiB more would pass the 64 MiB cap.
    $S0 = repeat "x", 41943040
    cb = get_global 'quiet'
    r1 = c.'send'($S0, cb)
    r2 = c.'send'($S0, cb)
    wait r2
    $I0 = r2
    print "second send: "
    say $I0
    $P0 = r2.'error'()
    say $P0
    $I1 = c.'queued'()
    print "queued: "
    say $I1
    say "waiting"
    $P1 = getstdin
    $S9 = readline $P1
    exit 0
.end
