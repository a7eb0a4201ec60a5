# push_eh with an ExceptionHandler that was never given an address (set_addr) throws.
    new P0, 'ExceptionHandler'
    push_eh P0
    print "not reached\n"
    end
