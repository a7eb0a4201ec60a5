# An unknown op name is an assembly error; nothing runs (exit 2).
    say "never printed"
    frobnicate I0, 1
    end
