# An unhandled fatal event ends the program (PDD 24).
.sub main :main
    $P0 = new 'Task'
    $P0['type'] = 'event'
    $P0['subtype'] = 'meltdown'
    $P0['fatal'] = 1
    schedule $P0
    sleep 0.01
    say "not reached"
.end
