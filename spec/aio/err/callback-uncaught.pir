# An uncaught exception in a callback ends the program like one in main: output so far is
# flushed, the message and backtrace go to stderr, exit 1.
.sub main :main
    $P0 = get_global 'bad'
    $P1 = print "before\n", $P0
    wait $P1
    pass
    say "not reached"
.end

.sub bad
    .param pmc r
    die "thrown in a callback"
.end
