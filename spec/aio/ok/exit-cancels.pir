# `exit` ends the program at once: armed timers never fire, other tasks stop, pending
# requests complete as cancelled and their callbacks do not run.
.include 'timer.pasm'
.sub main :main
    $P0 = new 'Timer'
    $P1 = get_global 'never'
    $P0[.PARROT_TIMER_HANDLER] = $P1
    $P0[.PARROT_TIMER_NSEC] = 5.0
    $P0[.PARROT_TIMER_RUNNING] = 1
    $P2 = get_global 'sleeper'
    schedule $P2
    pass
    say "exiting with the timer armed and a task asleep"
    exit 0
.end

.sub never
    say "never printed"
.end

.sub sleeper
    sleep 5
    say "never printed either"
.end
