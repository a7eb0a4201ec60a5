# `cancel` says what happened: "not started" (it never will), "already complete", or for a
# write whose bytes were handed on, how many. A cancelled request's callback does not run and
# its state is cancelled (-2).
.sub main :main
    .local pmc fh, cb, r1, r2
    cb = get_global 'cb'
    fh = open "/tmp/kea-spec-aio-cancel.txt", "w"
    print fh, "0123456789"
    close fh
    fh = open "/tmp/kea-spec-aio-cancel.txt", "r"
    r1 = read fh, 4, cb
    r2 = read fh, 4, cb
    $S0 = r2.'cancel'()
    say $S0
    $I0 = r2
    say $I0
    wait r1
    $S0 = r1.'cancel'()
    say $S0
    $S1 = r1.'return'()
    say $S1
    read $S2, fh, 4
    say $S2
.end

.sub cb
    .param pmc r
    $S0 = r.'state'()
    print "callback: "
    say $S0
.end
