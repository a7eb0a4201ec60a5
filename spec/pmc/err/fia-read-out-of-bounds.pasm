# Reading a FixedIntegerArray past its size throws "index out of bounds".
    new P0, 'FixedIntegerArray'
    set P0, 2
    set I0, P0[1]
    say I0
    set I0, P0[2]
    say "not reached"
    end
