.include 'timer.pasm'
.sub main :main
    $P0 = new 'Timer'
    $P1 = get_global 'never'
    $P0[.PARROT_TIMER_HANDLER] = $P1
    $P0[.PARROT_TIMER_NSEC] = 30.0
    $P0[.PARROT_TIMER_REPEAT] = -1
    $P0[.PARROT_TIMER_RUNNING] = 1
    $P0[.PARROT_TIMER_RUNNING] = 0
    say "stopped"
.end
.sub never
    say "never"
.end
