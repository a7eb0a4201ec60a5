# sqrt, floor, ceil (in place, to N and to I) and is_inf_or_nan.
    sqrt N0, 2.0
    say N0
    set I1, 16
    sqrt N0, I1
    say N0
    set N1, -2.5
    floor N0, N1
    say N0
    ceil N0, N1
    say N0
    floor I0, 2.7
    say I0
    ceil I0, 2.2
    say I0
    floor N1
    say N1
    set N2, 0.25
    ceil N2
    say N2
    is_inf_or_nan I0, N2
    say I0
    set N3, 1e300
    mul N3, N3, N3
    is_inf_or_nan I0, N3
    say I0
    sub N3, N3, N3
    is_inf_or_nan I0, N3
    say I0
    end
