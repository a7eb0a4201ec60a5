# chr of a negative number or a surrogate is not a character.
    chr S0, -1
    say "not reached"
    end
