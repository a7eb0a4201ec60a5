# An uncaught die prints its message and a backtrace to stderr, exit status 1; stdout is flushed first.
    print "partial line"
    die "fatal"
    say "not reached"
