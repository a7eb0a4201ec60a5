# substr with a count of zero or less is "" whatever the offset; replace may append at the end,
# and a negative count replaces to the end.
    substr S0, "hello", 99, 0
    length I0, S0
    say I0
    substr S0, "hello", 2, -1
    length I0, S0
    say I0
    replace S1, "hello", 5, 0, "!"
    say S1
    replace S1, "hello", 1, -1, "i"
    say S1
    end
