# ord gives a character's code point (optionally at an index); chr makes a one-character string.
    ord I0, "A"
    say I0
    ord I0, "abc", 2
    say I0
    ord I0, "abc", -1
    say I0
    chr S0, 66
    say S0
    chr S0, 0xe9
    ord I0, S0
    say I0
    end
