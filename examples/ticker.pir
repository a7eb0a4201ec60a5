# kea: stdin=first line\nsecond line\nthird line\nlast line\n
# A ticker timer beside a task that reads stdin line by line.
#
# The ticker fires every 20 ms and only counts (its handler runs with no arguments and
# bumps a global). The reader task paces itself by the ticker: it takes one line, then
# parks (`sleep`) until the ticker has fired once more, so at least one tick separates
# any two lines. What is printed depends only on that cause and effect, never on how many
# ticks happen to fit in a stretch of time: the reader prints its lines, and at the end
# main prints facts that hold however fast or slow the machine is.
.include 'timer.pasm'

.sub main :main
    .local pmc ticks, ticker, handler, reader
    ticks = new 'Integer'
    ticks = 0
    set_global 'ticks', ticks

    handler = get_global 'tick'
    ticker = new 'Timer'
    ticker[.PARROT_TIMER_NSEC] = 0.02     # every 20 ms
    ticker[.PARROT_TIMER_HANDLER] = handler
    ticker[.PARROT_TIMER_REPEAT] = -1     # forever, until stopped
    ticker[.PARROT_TIMER_RUNNING] = 1

    $P0 = get_global 'read_lines'
    reader = new 'Task'
    reader.'code'($P0)
    schedule reader
    wait reader                         # join the reader; the ticker keeps firing meanwhile

    # A forever timer would keep the program alive, so stop it once the reader is done.
    ticker[.PARROT_TIMER_RUNNING] = 0
    .local int at_stop, lines
    at_stop = ticks
    $P1 = get_global 'lines'
    lines = $P1
    print "reader done after "
    print lines
    say " lines; ticker stopped"

    # One tick at least before each line: the reader waited for them.
    if at_stop >= lines goto paced
    say "ticks < lines: the reader did not wait"
    goto after_stop
paced:
    say "the ticker fired at least once per line"
after_stop:
    # Stopped means stopped: no handler runs after it, however long we wait.
    sleep 0.1
    $I1 = ticks
    if $I1 == at_stop goto quiet
    say "the ticker fired after it was stopped"
    .return ()
quiet:
    say "no ticks after the stop"
.end

# The timer's handler: counts.
.sub tick
    $P0 = get_global 'ticks'
    inc $P0
.end

# The reader task: one line per tick. Its blocking `readline` parks only this task.
.sub read_lines
    .local pmc stdin, ticks, count
    .local int seen, n
    .local string line
    stdin = getstdin
    ticks = get_global 'ticks'
    count = new 'Integer'
    count = 0
    set_global 'lines', count
    n = 0
next:
    line = readline stdin
    unless line goto eof               # an empty string means end of input
    inc n
    count = n
    print "line "
    print n
    print ": "
    print line
    # Wait for the next tick before taking another line.
    seen = ticks
wait_tick:
    sleep 0.005
    $I0 = ticks
    if $I0 == seen goto wait_tick
    goto next
eof:
    say "end of input"
.end
