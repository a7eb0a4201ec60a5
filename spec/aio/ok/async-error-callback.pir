# An async op that fails stores the error in its request; the callback still runs (or the
# error callback instead, when one is set) and `error()` holds an Exception with the OS text.
.sub main :main
    .local pmc cb, ecb, r
    cb = get_global 'on_done'
    r = open "/nonexistent/kea-spec/missing.txt", "r", cb
    wait r
    pass
    ecb = get_global 'on_error'
    r = open "/nonexistent/kea-spec/missing.txt", "r", cb
    r.'error_callback'(ecb)
    wait r
    pass
    $P0 = r.'error'()
    $S0 = $P0
    say $S0
.end

.sub on_done
    .param pmc r
    $I0 = r
    print "callback, state "
    say $I0
.end

.sub on_error
    .param pmc r
    $P0 = r.'error'()
    $I0 = $P0['type']
    print "error callback, exception type "
    say $I0
.end
