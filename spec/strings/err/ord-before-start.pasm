# ord counts a negative position from the end; before the beginning it throws.
    ord I0, "abc", -1
    say I0
    ord I0, "abc", -4
    say "not reached"
    end
