# NCI is out of Kea's scope: dlfunc, dlvar and new_callback throw a catchable error.
    null P1
    push_eh caught1
    dlfunc P0, P1, "abs", "ii"
    say "not reached"
caught1:
    get_results "0", P9
    pop_eh
    set S0, P9
    say S0
    push_eh caught2
    dlvar P0, P1, "environ"
    say "not reached"
caught2:
    get_results "0", P9
    pop_eh
    set S0, P9
    say S0
    push_eh caught3
    new_callback P0, P1, P1, "vU"
    say "not reached"
caught3:
    get_results "0", P9
    pop_eh
    set S0, P9
    say S0
    end
