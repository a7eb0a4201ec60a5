# A Task without code cannot be scheduled.
.sub main :main
    $P0 = new 'Task'
    schedule $P0
.end
