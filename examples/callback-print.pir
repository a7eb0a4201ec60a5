# The Parrot IO design's own example of an asynchronous op (PDD 22):
#
#     request = print "Hello World\n", callback
#
# `print` with a trailing callback returns a Request PMC at once and the program carries on.
# When the runtime has written the bytes, the callback runs in a task of its own, with the
# request as its only argument. Here it reports the request's state; main waits for the
# request and then reports what it sees.
.sub main :main
    .local pmc callback, request
    callback = get_global 'report'
    request = print "Hello World\n", callback
    # The op did not wait: nothing has been written to the OS yet.
    $S0 = request.'state'()
    print "main: submitted, state "
    say $S0

    # `wait` parks main until the request completes; the callback runs meanwhile.
    wait request
    $S0 = request.'state'()
    $I0 = request                      # 1 done, 0 pending, -1 failed, -2 cancelled
    print "main: after wait, state "
    print $S0
    print ", as an integer "
    say $I0
.end

# The callback: one argument, the request that completed.
.sub report
    .param pmc req
    $S0 = req.'state'()
    $I0 = req.'done'()
    print "callback: state "
    print $S0
    print ", done "
    say $I0
    # A print request has no value to return; its error is null because it succeeded.
    $P0 = req.'error'()
    if null $P0 goto no_error
    say "callback: error set"
    .return ()
no_error:
    say "callback: no error"
.end
