# Too many arguments throw at the callee's params; a handler in the caller catches it.
.sub main :main
    push_eh handler
    two(1, 2, 3)
    say "not reached"
handler:
    get_results "0", $P0
    pop_eh
    say $P0
.end

.sub two
    .param int a
    .param int b
    say "not reached either"
.end
