# A task that waits on a task that waits for a message: a deadlock, reported with both waits.
.sub main :main
    $P0 = get_global 'waiter'
    $P1 = new 'Task'
    $P1.'code'($P0)
    schedule $P1
    wait $P1
.end

.sub waiter
    receive $P0
.end
