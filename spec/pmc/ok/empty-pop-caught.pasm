# Popping an empty array raises a catchable exception.
    new P0, 'ResizablePMCArray'
    push_eh H
    pop P1, P0
    say "not reached"
H:  get_results "0", P2
    pop_eh
    say "caught"
    end
