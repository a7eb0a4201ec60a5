# N div by 0.0 throws too: no Inf result.
    set N0, 1.0
    set N1, 0.0
    div N2, N0, N1
    say N2
    end
