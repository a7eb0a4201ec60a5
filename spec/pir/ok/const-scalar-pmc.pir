# .const 'Integer', 'Float' and 'String' make that PMC from the string, read as Parrot's
# make_pmc_const reads it (a number at its start).
.sub main :main
    .const 'Integer' i = "42"
    .const 'Float' f = "4.25e1x"
    .const 'String' s = "text"
    say i
    $S0 = typeof i
    say $S0
    say f
    $S0 = typeof f
    say $S0
    say s
.end
