# Waiting on a Task that was never scheduled can never end: an error, not a hang.
.sub main :main
    $P0 = new 'Task'
    wait $P0
.end
