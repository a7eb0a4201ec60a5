# Writing to a handle opened for reading throws (sync form).
.sub main :main
    $P0 = open "/tmp/kea-spec-aio-ro.txt", "w"
    close $P0
    $P0 = open "/tmp/kea-spec-aio-ro.txt", "r"
    print $P0, "data"
    say "not reached"
.end
