# Each use of a null PMC throws "Null PMC access in VTABLE()", naming the vtable used.
    null P0
    push_eh H1
    set I0, P0
H1: get_results "0", P9
    pop_eh
    say P9
    push_eh H2
    set S0, P0
H2: get_results "0", P9
    pop_eh
    say P9
    push_eh H3
    set N0, P0
H3: get_results "0", P9
    pop_eh
    say P9
    push_eh H4
    elements I0, P0
H4: get_results "0", P9
    pop_eh
    say P9
    end
