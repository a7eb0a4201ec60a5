# ResizableIntegerArray stores integers; strings are converted on store.
    new P0, 'ResizableIntegerArray'
    push P0, 10
    push P0, "20"
    set P0[3], 40
    elements I0, P0
    say I0
    set I1, P0[2]
    say I1
    pop I2, P0
    say I2
    set I3, P0[1]
    say I3
    end
