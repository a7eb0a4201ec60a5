# set I, N saturates at the 64-bit limits (a Kea deviation: in C the cast is undefined).
    set N0, 1e30
    set I0, N0
    say I0
    set N0, -1e30
    set I0, N0
    say I0
    end
