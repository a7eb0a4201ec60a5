# Timer: SEC/USEC/NSEC set the interval, REPEAT 0 fires once and n fires n + 1 times, HANDLER
# is called with no arguments, RUNNING 1 starts and 0 stops. Due timers fire in (deadline,
# creation) order.
.include 'timer.pasm'
.sub main :main
    .local pmc a, b, c
    a = new 'Timer'
    $P0 = get_global 'tick_a'
    a[.PARROT_TIMER_HANDLER] = $P0
    a[.PARROT_TIMER_NSEC] = 0.02
    a[.PARROT_TIMER_REPEAT] = 2
    b = new 'Timer'
    $P1 = get_global 'tick_b'
    b[.PARROT_TIMER_HANDLER] = $P1
    b[.PARROT_TIMER_USEC] = 1000
    c = new 'Timer'
    $P2 = get_global 'tick_c'
    c[.PARROT_TIMER_HANDLER] = $P2
    c[.PARROT_TIMER_USEC] = 1000
    a[.PARROT_TIMER_RUNNING] = 1
    b[.PARROT_TIMER_RUNNING] = 1
    c[.PARROT_TIMER_RUNNING] = 1
    $I0 = b[.PARROT_TIMER_RUNNING]
    $I1 = b[.PARROT_TIMER_USEC]
    $N0 = a[.PARROT_TIMER_NSEC]
    print $I0
    print " "
    print $I1
    print " "
    say $N0
    sleep 0.5
    $I0 = a[.PARROT_TIMER_RUNNING]
    say $I0
.end

.sub tick_a
    say "a fires"
.end
.sub tick_b
    say "b fires"
.end
.sub tick_c
    say "c fires"
.end
