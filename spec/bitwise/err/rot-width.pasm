# rot's width must be 1 to 64 (Parrot leaves wider ones to C's undefined shifts).
    rot I0, 10, 1, 65
    say "not reached"
    end
