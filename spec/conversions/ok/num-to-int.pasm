# set I, N truncates toward zero.
    set N0, 3.99
    set I0, N0
    say I0
    set N0, -3.99
    set I0, N0
    say I0
    set N0, 0.5
    set I0, N0
    say I0
    end
