# Errors raised by ops are exceptions too: div by zero has type 29 (EXCEPTION_DIV_BY_ZERO).
    push_eh H
    set I1, 0
    div I0, 1, I1
    say "not reached"
H:
    get_results "0", P0
    pop_eh
    set S0, P0
    say S0
    set I0, P0["type"]
    say I0
    end
