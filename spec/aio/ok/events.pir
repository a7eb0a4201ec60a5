# PDD 24 events: an event is a Task of type "event"; `schedule` dispatches it to the best
# EventHandler (exact subtype, then parent type, then "allevents"), which gets the event as
# its argument. An unhandled non-fatal event expires.
.sub main :main
    .local pmc h, all, ev
    h = new 'EventHandler'
    h['type'] = 'greeting'
    $P0 = get_global 'on_greeting'
    h['code'] = $P0
    addhandler h
    all = new 'EventHandler'
    all['type'] = 'allevents'
    $P1 = get_global 'on_any'
    all['code'] = $P1
    addhandler all
    ev = new 'Task'
    ev['type'] = 'event'
    ev['subtype'] = 'greeting'
    $P2 = box "hello"
    ev['data'] = $P2
    schedule ev
    ev = new 'Task'
    ev['type'] = 'event'
    ev['subtype'] = 'readcomplete'
    schedule ev
    say "events scheduled"
.end

.sub on_greeting
    .param pmc ev
    $P0 = ev['data']
    print "greeting handler: "
    say $P0
.end

.sub on_any
    .param pmc ev
    $S0 = ev['subtype']
    print "catch-all handler: "
    say $S0
.end
