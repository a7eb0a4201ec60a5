# Task mailboxes: `send` puts a message in a task's mailbox; `receive` takes the next one and
# parks the task while the mailbox is empty.
.sub main :main
    .local pmc t
    $P0 = get_global 'echo'
    t = new 'Task'
    t.'code'($P0)
    schedule t
    current_task $P9
    t.'send'($P9)
    t.'send'("one")
    t.'send'("two")
    t.'send'("stop")
    receive $P1
    print "main got back: "
    say $P1
    wait t
.end

.sub echo
    .local pmc from
    receive from
loop:
    receive $P0
    $S0 = $P0
    if $S0 == "stop" goto done
    print "echo: "
    say $S0
    goto loop
done:
    from.'send'("bye")
.end
