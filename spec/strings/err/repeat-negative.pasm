# repeat with a negative count throws.
    set I0, -1
    repeat S0, "ab", I0
    say S0
    end
