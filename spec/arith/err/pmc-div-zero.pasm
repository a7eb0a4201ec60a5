# PMC division by zero throws with the PMC's own words ("float division by zero").
    new P0, 'Integer'
    set P0, 7
    push_eh H
    div P1, P0, 0
H:  get_results "0", P2
    pop_eh
    say P2
    new P3, 'Integer'
    set P3, 7
    mod P4, P3, 0
    end
