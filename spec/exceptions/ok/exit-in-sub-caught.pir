# exit inside a called sub is caught by the caller's handler like any other exception.
.sub main :main
    push_eh handler
    quit()
    say "not reached"
handler:
    get_results "0", $P0
    pop_eh
    $I0 = $P0["exit_code"]
    print "caught exit "
    say $I0
.end

.sub quit
    exit 7
.end
