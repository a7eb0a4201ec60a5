# Defining the same label twice is an assembly error.
L:  say "one"
L:  say "two"
    end
