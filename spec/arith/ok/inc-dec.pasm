# inc and dec add or subtract one on I and N.
    set I0, 0
    inc I0
    inc I0
    dec I0
    say I0
    set N0, 0.5
    inc N0
    say N0
    dec N0
    dec N0
    say N0
    end
