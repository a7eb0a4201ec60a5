# PDD 22's own example: an async print returns its request at once; the callback runs later,
# between slices, with the request as its only argument.
.sub main :main
    .local pmc request, callback
    callback = get_global 'done'
    request = print "Hello World\n", callback
    $I0 = request
    print "pending right after the op: "
    say $I0
.end

.sub done
    .param pmc request
    $S0 = request.'state'()
    print "callback: the request is "
    say $S0
    $I0 = request
    say $I0
.end
