# getfile and getline: the file the running code came from and the line of the op.
    .loadlib 'debug_ops'
    getfile S0
    say S0
    getline I0
    say I0
    end
