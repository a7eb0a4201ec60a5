# A resume continuation works once; a second resume throws a catchable error.
.sub main :main
    .local pmc eh, r
    eh = new 'ExceptionHandler'
    set_addr eh, handler
    push_eh eh
    $P0 = new 'Exception'
    $P0 = "once"
    throw $P0
    say "resumed"
    pop_eh
    push_eh again
    r()
    say "not reached"
handler:
    get_results "0", $P1
    r = $P1['resume']
    r()
again:
    get_results "0", $P2
    pop_eh
    $S0 = $P2
    say $S0
.end
