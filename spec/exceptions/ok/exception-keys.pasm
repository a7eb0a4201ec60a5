# An exception's "message" and "severity" (2 = EXCEPT_ERROR for die) keys.
    push_eh H
    die "boom"
H:
    get_results "0", P0
    pop_eh
    set S0, P0["message"]
    say S0
    set I0, P0["severity"]
    say I0
    end
