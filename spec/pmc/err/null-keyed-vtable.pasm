# A null PMC's error names the vtable the op calls: keyed reads and pushes have their own.
    null P0
    push_eh H
    set I0, P0[0]
H:  get_results "0", P1
    pop_eh
    say P1
    push_eh H2
    push P0, 1
H2: get_results "0", P1
    pop_eh
    say P1
    set S0, P0["k"]
    end
