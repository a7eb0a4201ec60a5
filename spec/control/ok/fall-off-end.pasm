# Running past the last op ends the program normally.
    say "no end op"
