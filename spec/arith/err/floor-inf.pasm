# floor (or ceil) into an I register cannot hold Inf or NaN: "Invalid number" (type 50,
# EXCEPTION_LOSSY_CONVERSION).
    set N0, 1e300
    mul N0, N0, N0
    floor N1, N0
    say N1
    floor I0, N0
    say "not reached"
    end
