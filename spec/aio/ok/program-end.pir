# The program ends when main has ended and nothing is runnable, blocked on pending work,
# pending or armed: main returning does not cut off a task or a pending callback.
.sub main :main
    $P0 = get_global 'late'
    schedule $P0
    $P1 = get_global 'cb'
    $P2 = print "main's async print\n", $P1
    say "main returns"
.end

.sub late
    sleep 0.02
    say "the task finished after main"
.end

.sub cb
    .param pmc r
    say "the callback ran after main"
.end
