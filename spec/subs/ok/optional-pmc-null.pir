# A missing :optional pmc parameter is null.
.sub main :main
    g()
    g("given")
.end

.sub g
    .param pmc p :optional
    if null p goto none
    say p
    .return ()
none:
    say "null"
.end
