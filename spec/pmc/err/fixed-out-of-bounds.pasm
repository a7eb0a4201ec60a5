# Writing past the end of a fixed-size array throws "index out of bounds".
    new P0, 'FixedPMCArray'
    set P0, 2
    set P0[2], "too far"
    say "not reached"
    end
