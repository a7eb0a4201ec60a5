# Every assembly error in a file is reported, not just the first.
    frobnicate I0
    set I0, "a", "b"
    branch NOWHERE
    say "never printed"
    end
