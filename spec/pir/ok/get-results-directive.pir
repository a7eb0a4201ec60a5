# `.get_results ($P0)` receives the exception in a handler, like `get_results "0", $P0`.
.sub main :main
    push_eh handler
    die "caught through .get_results"
handler:
    .get_results ($P0)
    pop_eh
    say $P0
    $I0 = $P0['type']
    say $I0
.end
