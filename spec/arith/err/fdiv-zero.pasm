# fdiv by zero throws "Divide by zero".
    set I1, 0
    fdiv I0, 5, I1
    say I0
    end
