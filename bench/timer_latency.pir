# Timer latency: how late does a timer's handler run, from its deadline?
#
# A Timer fires every 10 ms, 200 times. Its handler takes `time` first thing and records
# how far that is past the firing's deadline. The runtime's repeating timers do not drift
# (the k-th deadline is start + k * interval), so the deadline is computed the same way
# here, from `time` read just before the timer starts. With the argument `busy` a task
# spins on integer arithmetic the whole time, so a handler waits for that task's slice
# (`--batch` instructions) to end; with `idle` nothing else runs. The lateness of each
# firing is printed in microseconds, one per line, after a `samples` line; bench/aio
# computes the percentiles. A firing the runtime skipped (it was more than one interval
# late) would show up as a lateness of 10,000 us or more, not be hidden.
.include 'timer.pasm'

.sub main :main
    .param pmc argv
    .local string mode
    mode = "busy"
    $I0 = elements argv
    if $I0 < 2 goto go
    mode = argv[1]
go:
    .local pmc fired, done, late, start, timer, handler, spinner
    fired = new 'Integer'
    fired = 0
    set_global 'fired', fired
    done = new 'Integer'
    done = 0
    set_global 'done', done
    late = new 'ResizableFloatArray'
    set_global 'late', late
    start = new 'Float'
    set_global 'start', start

    if mode != "busy" goto arm
    $P0 = get_global 'spin'
    spinner = new 'Task'
    spinner.'code'($P0)
    schedule spinner
    pass                               # let the spinner start before the clock does
arm:
    handler = get_global 'on_tick'
    timer = new 'Timer'
    timer[.PARROT_TIMER_NSEC] = 0.01
    timer[.PARROT_TIMER_HANDLER] = handler
    timer[.PARROT_TIMER_REPEAT] = 199  # 200 firings
    $N0 = time
    start = $N0
    timer[.PARROT_TIMER_RUNNING] = 1
wait_done:
    sleep 0.05
    $I0 = done
    unless $I0 goto wait_done
    if mode != "busy" goto report
    wait spinner
report:
    print "mode "
    say mode
    $I0 = elements late
    print "samples "
    say $I0
    $I1 = 0
each:
    $N1 = late[$I1]
    $N1 *= 1000000
    $I2 = $N1
    say $I2
    inc $I1
    if $I1 < $I0 goto each
.end

# The handler: lateness of this firing = now - (start + k * interval).
.sub on_tick
    $N0 = time
    .local pmc fired, late, start, done
    fired = get_global 'fired'
    late = get_global 'late'
    start = get_global 'start'
    inc fired
    $I0 = fired
    $N1 = $I0
    $N1 *= 0.01
    $N2 = start
    $N1 += $N2
    $N0 -= $N1
    push late, $N0
    if $I0 < 200 goto out
    done = get_global 'done'
    done = 1
out:
.end

# The CPU-bound task: integer arithmetic in an inner loop of 1000, checking the
# `done` flag between rounds.
.sub spin
    .local int i, x, rounds
    .local pmc done
    done = get_global 'done'
    x = 1
    rounds = 0
outer:
    i = 1000
inner:
    x = x * 3
    x = x + 1
    x = x % 1000003
    dec i
    if i goto inner
    inc rounds
    $I0 = done
    unless $I0 goto outer
    printerr "spinner rounds "
    printerr rounds
    printerr "\n"
.end
