# die "msg" throws an exception whose message is msg and whose severity is 2 (EXCEPT_ERROR).
    push_eh H
    die "bad thing"
H:  get_results "0", P0
    pop_eh
    set S0, P0["message"]
    say S0
    set I0, P0["severity"]
    say I0
    end
