# Resuming an exception raised by die is an error; uncaught, it ends the program.
.sub main :main
    push_eh handler
    die "fatal"
handler:
    get_results "0", $P0
    pop_eh
    $P1 = $P0['resume']
    $P1()
.end
