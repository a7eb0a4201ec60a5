# A repeating timer runs until stopped; here its handler stops it on the third firing.
.include 'timer.pasm'
.sub main :main
    $P0 = new 'Timer'
    set_global 'timer', $P0
    $P1 = get_global 'tick'
    $P0[.PARROT_TIMER_HANDLER] = $P1
    $P0[.PARROT_TIMER_NSEC] = 0.005
    $P0[.PARROT_TIMER_REPEAT] = -1
    $P0[.PARROT_TIMER_RUNNING] = 1
    $P2 = box 0
    set_global 'n', $P2
    say "main ends; the timer keeps the program alive"
.end

.sub tick
    $P0 = get_global 'n'
    inc $P0
    print "tick "
    say $P0
    if $P0 < 3 goto done
    $P1 = get_global 'timer'
    $P1[.PARROT_TIMER_RUNNING] = 0
done:
.end
