# Storing a value into an Undef morphs it: an int makes an Integer, a num a Float, a string a String.
    new P0, 'Undef'
    set P0, 3
    typeof S0, P0
    say S0
    new P1, 'Undef'
    set P1, 2.5
    typeof S0, P1
    say S0
    new P2, 'Undef'
    set P2, "x"
    typeof S0, P2
    say S0
    defined I0, P2
    say I0
    end
