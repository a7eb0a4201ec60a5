# exit 0 ends the program with status 0 and no diagnostic.
    say "bye"
    exit 0
    say "not reached"
