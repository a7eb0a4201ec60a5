# Parsing "Inf", "-Inf", "Infinity", "NaN" (any case) into N; `say N` prints libc's inf/nan.
    set N0, "Inf"
    say N0
    set N0, "-inf"
    say N0
    set N0, "Infinity"
    say N0
    set N0, "nan"
    say N0
    set N0, "NAN"
    say N0
    end
