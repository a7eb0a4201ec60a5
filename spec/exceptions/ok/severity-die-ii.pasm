# die SEVERITY, TYPE throws a message-less exception with those fields (non-doomed severities are catchable).
    push_eh H
    die 3, 42
H:  get_results "0", P0
    pop_eh
    set I0, P0["severity"]
    say I0
    set I1, P0["type"]
    say I1
    set S0, P0
    length I2, S0
    say I2
    end
