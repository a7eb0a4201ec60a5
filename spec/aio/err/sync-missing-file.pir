# A sync open of a missing file: an uncaught PIO error carrying the OS error text.
.sub main :main
    say "before"
    $P0 = open "/nonexistent/kea-spec/missing.txt"
.end
