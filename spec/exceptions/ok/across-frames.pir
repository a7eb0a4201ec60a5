# A handler in main catches an exception thrown three calls deep; the frames between are unwound.
.sub main :main
    push_eh handler
    a()
    say "not reached"
handler:
    get_results "0", $P0
    pop_eh
    say $P0
.end

.sub a
    b()
    say "a not resumed"
.end

.sub b
    c()
    say "b not resumed"
.end

.sub c
    die "from c"
.end
