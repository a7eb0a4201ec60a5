# substr with positive and negative offsets, 2-arg form, lengths past the end are clipped.
    set S0, "Hello, World"
    substr S1, S0, 7, 5
    say S1
    substr S1, S0, -5, 3
    say S1
    substr S1, S0, 7
    say S1
    substr S1, S0, -1
    say S1
    substr S1, S0, 10, 100
    say S1
    substr S1, S0, 12, 1
    print "["
    print S1
    say "]"
    end
