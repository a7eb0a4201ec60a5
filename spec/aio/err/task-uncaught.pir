# An uncaught exception in a task ends the program: exit 1 with the task's backtrace.
.sub main :main
    $P0 = get_global 'worker'
    schedule $P0
    sleep 1
    say "not reached"
.end

.sub worker
    $P0 = new 'Hash'
    $P1 = $P0['missing']
    $I0 = $P1
.end
