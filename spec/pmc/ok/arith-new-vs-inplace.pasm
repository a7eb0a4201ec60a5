# add P, P, x makes a new PMC; add P, x changes the PMC in place (an alias sees it).
    new P0, 'Integer'
    set P0, 10
    set P1, P0
    add P2, P0, 5
    say P2
    say P1
    issame I0, P2, P0
    say I0
    add P0, 5
    say P1
    sub P0, P0
    say P1
    end
