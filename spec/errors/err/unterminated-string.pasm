# A string literal with no closing quote is an assembly error.
    say "no end
    end
