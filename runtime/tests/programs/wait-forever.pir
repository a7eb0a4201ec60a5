.include 'timer.pasm'
.sub main :main
    $P0 = new 'Timer'
    $P1 = get_global 'tick'
    $P0[.PARROT_TIMER_HANDLER] = $P1
    $P0[.PARROT_TIMER_NSEC] = 0.05
    $P0[.PARROT_TIMER_REPEAT] = -1
    $P0[.PARROT_TIMER_RUNNING] = 1
    say "waiting"
.end
.sub tick
.end
