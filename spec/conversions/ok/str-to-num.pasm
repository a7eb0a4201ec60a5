# set N, S parses a leading float: exponents, leading spaces, trailing junk ignored.
    set N0, "1e3"
    say N0
    set N0, "  2.5xyz"
    say N0
    set N0, "abc"
    say N0
    set N0, "-.5"
    say N0
    set N0, "12"
    say N0
    end
