# mod on N is floored too: x - y*floor(x/y).
    set N0, 7.5
    mod N1, N0, 2.0
    say N1
    set N0, -7.5
    mod N1, N0, 2.0
    say N1
    set N0, 7.5
    mod N1, N0, -2.0
    say N1
    end
