# An ExceptionHandler PMC: new, set_addr, push_eh; the handler receives the exception as usual.
.sub main :main
    .local pmc eh
    eh = new 'ExceptionHandler'
    set_addr eh, handler
    push_eh eh
    die "boom"
    say "not reached"
handler:
    .local pmc e
    get_results "0", e
    pop_eh
    $S0 = e['message']
    say $S0
    $S1 = typeof eh
    say $S1
.end
