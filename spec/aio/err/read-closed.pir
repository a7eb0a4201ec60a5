# Reading a closed handle throws (sync form); the async form fails its request instead.
.sub main :main
    .local pmc nocb
    null nocb
    $P0 = open "/tmp/kea-spec-aio-closed.txt", "w"
    close $P0
    $P1 = read $P0, 10, nocb
    $I0 = $P1
    say $I0
    $P2 = $P1.'error'()
    say $P2
    $S0 = read $P0, 10
    say "not reached"
.end
