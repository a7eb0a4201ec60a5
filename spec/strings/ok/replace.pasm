# replace S, S, offset, length, replacement returns a new string; the source is unchanged.
    set S0, "Hello, World"
    replace S1, S0, 0, 5, "Howdy"
    say S1
    replace S1, S0, 5, 0, "!!!"
    say S1
    replace S1, S0, -5, 5, "Kea"
    say S1
    say S0
    end
