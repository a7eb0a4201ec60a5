# replace past the end of the string throws with Parrot's message.
    replace S0, "abc", 4, 1, "x"
    say "not reached"
    end
