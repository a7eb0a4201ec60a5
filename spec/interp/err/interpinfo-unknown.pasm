# An interpinfo number that is no fact throws.
    interpinfo I0, 999
    end
