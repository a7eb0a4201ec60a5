# `pass` gives up the rest of the slice: two tasks that pass after each line interleave.
.sub main :main
    $P0 = get_global 'count'
    $P1 = new 'Task'
    $P1.'code'($P0)
    $P2 = box "A"
    $P1.'data'($P2)
    $P3 = new 'Task'
    $P3.'code'($P0)
    $P4 = box "B"
    $P3.'data'($P4)
    schedule $P1
    schedule $P3
    wait $P1
    wait $P3
.end

.sub count
    .param pmc name
    $I0 = 0
loop:
    print name
    say $I0
    pass
    inc $I0
    if $I0 < 3 goto loop
.end
