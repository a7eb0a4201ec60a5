# `schedule` starts a Sub or a Task as a green thread; `wait` on the Task joins it. A Task's
# `data` is passed to its code as the one argument.
.sub main :main
    .local pmc t, worker
    worker = get_global 'worker'
    t = new 'Task'
    t.'code'(worker)
    $P0 = box "from data"
    t.'data'($P0)
    schedule t
    $S0 = t.'status'()
    say $S0
    wait t
    $S0 = t.'status'()
    say $S0
    $P1 = get_global 'plain'
    schedule $P1
    say "main ends; the scheduled sub still runs"
.end

.sub worker
    .param pmc arg
    print "worker got "
    say arg
.end

.sub plain
    say "plain sub ran as a task"
.end
