# Tasks are preempted at safe points when their slice is spent (this case runs with a 7-op
# batch): two CPU-bound tasks both make progress before either ends. Between
# `disable_preemption` and `enable_preemption` a task keeps the CPU.
.sub main :main
    $P0 = get_global 'spin'
    $P1 = new 'Task'
    $P1.'code'($P0)
    $P2 = box "x"
    $P1.'data'($P2)
    $P3 = new 'Task'
    $P3.'code'($P0)
    $P4 = box "y"
    $P3.'data'($P4)
    schedule $P1
    schedule $P3
    wait $P1
    wait $P3
    say ""
.end

.sub spin
    .param pmc c
    disable_preemption
    $I0 = 0
a:  inc $I0
    if $I0 < 50 goto a
    print c
    print c
    enable_preemption
    $I0 = 0
b:  inc $I0
    if $I0 < 50 goto b
    print c
.end
