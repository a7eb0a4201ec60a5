# When main dies with an uncaught error, the program ends at once: a repeating timer and a
# sleeping task do not keep it alive.
.include 'timer.pasm'
.sub main :main
    $P0 = new 'Timer'
    $P1 = get_global 'tick'
    $P0[.PARROT_TIMER_HANDLER] = $P1
    $P0[.PARROT_TIMER_NSEC] = 0.001
    $P0[.PARROT_TIMER_REPEAT] = -1
    $P0[.PARROT_TIMER_RUNNING] = 1
    $P2 = get_global 'sleeper'
    schedule $P2
    sleep 0.02
    die "main dies"
.end
.sub tick
.end
.sub sleeper
  again:
    sleep 0.001
    goto again
.end
