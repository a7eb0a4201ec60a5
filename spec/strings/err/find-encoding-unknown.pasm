# An encoding name Parrot does not register throws.
    find_encoding I0, "latin1"
    end
