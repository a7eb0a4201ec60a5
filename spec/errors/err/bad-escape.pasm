# An unknown escape in a double-quoted string is an assembly error.
    say "bad \q escape"
    end
