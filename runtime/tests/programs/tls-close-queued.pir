.sub main :main
    .param pmc argv
    .local pmc c, parts, r, stdin
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
    say "generated"
    $S5 = argv[2]
    c = tls_connect($I0, $S5)
    # The peer reads nothing yet: nearly all of it stays in the queue, and close comes
    # right behind it.
    $P0 = get_global 'quiet'
    r = c.'send'(big, $P0)
    $I2 = c.'queued'()
    print "queued at close "
    say $I2
    c.'close'()
    say "closed"
    wait r
    $P1 = r.'return'()
    $S3 = r.'state'()
    print "send result "
    print $S3
    print " "
    say $P1
    $S9 = readline stdin
.end
