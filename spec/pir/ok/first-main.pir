# Of several subs marked :main, the first runs (IMCC); the others are ordinary subs.
.sub first :main
    say "first"
    second()
.end

.sub second :main
    say "second, called"
.end
