# A handler installed in a sub that has returned no longer catches anything.
.sub main :main
    installer()
    die "after return"
.end

.sub installer
    push_eh h
    .return ()
h:
    say "not reached"
.end
