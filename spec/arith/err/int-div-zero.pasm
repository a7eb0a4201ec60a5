# Integer div by zero throws "Divide by zero"; uncaught, it ends the program with exit 1.
    say "before"
    set I1, 0
    div I0, 10, I1
    say "not reached"
    end
