# `sleep` parks only the sleeping task: the other task runs to its end meanwhile.
.sub main :main
    $P0 = get_global 'sleeper'
    $P1 = new 'Task'
    $P1.'code'($P0)
    schedule $P1
    $P2 = get_global 'busy'
    $P3 = new 'Task'
    $P3.'code'($P2)
    schedule $P3
    wait $P1
    wait $P3
    say "both joined"
.end

.sub sleeper
    say "sleeper: going to sleep"
    sleep 0.2
    say "sleeper: awake"
.end

.sub busy
    $I0 = 0
loop:
    inc $I0
    if $I0 < 1000 goto loop
    say "busy: done counting while the sleeper sleeps"
.end
