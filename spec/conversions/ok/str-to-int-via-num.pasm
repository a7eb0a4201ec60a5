# set I, S reads only digits: "1e3" gives 1 and "3.7" gives 3.
    set I0, "1e3"
    say I0
    set I0, "3.7"
    say I0
    set I0, "-0"
    say I0
    end
