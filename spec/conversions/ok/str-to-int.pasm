# set I, S parses a leading integer: leading spaces allowed, trailing junk ignored, none gives 0.
    set I0, "12abc"
    say I0
    set I0, "  7"
    say I0
    set I0, "abc"
    say I0
    set I0, "-15"
    say I0
    set I0, "+3"
    say I0
    set I0, ""
    say I0
    set I0, "0x1F"
    say I0
    end
