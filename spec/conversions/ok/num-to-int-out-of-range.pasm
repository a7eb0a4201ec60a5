# set I, N truncates toward zero; NaN, infinities and values past the range give the minimum
# integer, as Parrot's C cast does on x86-64.
    set N0, 1e30
    set I0, N0
    say I0
    set N0, -1e30
    set I0, N0
    say I0
    set S0, "NaN"
    set N0, S0
    set I0, N0
    say I0
    set N0, -7.9
    set I0, N0
    say I0
    end
