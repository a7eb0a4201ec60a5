# Float literals need a `.` or an exponent: 1. .5 3.14 1e10 -2.5E-3 1.5e+2
    say 1.
    say .5
    say 3.14
    say 1e10
    say -2.5E-3
    say 1.5e+2
    set N0, 1.
    add N0, N0, .5
    say N0
    end
