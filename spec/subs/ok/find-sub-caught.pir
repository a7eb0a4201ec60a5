# Calling an unknown sub by name throws "Could not find sub NAME", which a handler can catch.
.sub main :main
    push_eh handler
    missing_sub(1)
    say "not reached"
handler:
    get_results "0", $P0
    pop_eh
    say $P0
.end
