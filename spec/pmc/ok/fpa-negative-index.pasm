# A negative index on a FixedPMCArray counts from the end, like the resizable arrays.
    new P0, 'FixedPMCArray'
    set P0, 3
    set P0[2], "last"
    set S0, P0[-1]
    say S0
    set P0[-3], "first"
    set S0, P0[0]
    say S0
    end
