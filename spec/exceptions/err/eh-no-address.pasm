# An ExceptionHandler with no address (set_addr) can be pushed, as in Parrot, but an exception
# passes it over: here nothing else catches it.
    new P0, 'ExceptionHandler'
    push_eh P0
    print "pushed\n"
    die "passed over"
    end
