# int, num and string arguments received by pmc parameters are boxed as Integer, Float, String.
.sub main :main
    kinds(1, 2.5, "s")
.end

.sub kinds
    .param pmc a
    .param pmc b
    .param pmc c
    $S0 = typeof a
    say $S0
    $S0 = typeof b
    say $S0
    $S0 = typeof c
    say $S0
.end
