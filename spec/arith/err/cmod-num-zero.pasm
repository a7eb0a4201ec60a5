# cmod on numbers by 0.0 throws too, for PMCs as well as registers.
    new P1, 'Float'
    set P1, 2.5
    cmod P0, P1, 0.0
    say "not reached"
    end
