# Resuming: a handler invokes e['resume'] and the thrower goes on after its throw, in the same sub
# and from a sub two calls down (the frames between come back, registers intact).
.sub main :main
    .local pmc eh
    eh = new 'ExceptionHandler'
    set_addr eh, handler
    push_eh eh
    say "before"
    $P0 = new 'Exception'
    $P0 = "a warning"
    $P0['severity'] = 1
    throw $P0
    say "resumed after throw"
    pop_eh
    $I0 = inner(5)
    say $I0
    .return ()
handler:
    .local pmc e, r
    get_results "0", e
    $S0 = e['message']
    say $S0
    r = e['resume']
    r()
    say "not reached"
.end
.sub inner
    .param int n
    .local pmc eh
    eh = new 'ExceptionHandler'
    set_addr eh, h2
    push_eh eh
    $I0 = deep(n)
    pop_eh
    .return ($I0)
h2:
    get_results "0", $P0
    $S0 = $P0
    print "caught in inner: "
    say $S0
    $P1 = $P0['resume']
    $P1()
.end
.sub deep
    .param int n
    $I0 = n * 2
    $P0 = new 'Exception'
    $P0 = "from deep"
    throw $P0
    say "deep resumed"
    $I0 += 1
    .return ($I0)
.end
