# throw a new Exception whose message was set with `set P, "msg"`.
    push_eh H
    new P1, 'Exception'
    set P1, "custom"
    throw P1
    say "not reached"
H:
    get_results "0", P0
    pop_eh
    set S0, P0
    say S0
    end
