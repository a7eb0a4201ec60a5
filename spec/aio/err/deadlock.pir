# Every task waits for something nothing can complete: the report says who waits on what.
.sub main :main
    $P0 = get_global 'waiter'
    $P1 = new 'Task'
    $P1.'code'($P0)
    schedule $P1
    receive $P2
.end

.sub waiter
    receive $P0
.end
