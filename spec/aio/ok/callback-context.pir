# A callback is a fresh task: its return value is ignored and `end` ends only that task.
.sub main :main
    .local pmc cb
    cb = get_global 'ender'
    $P0 = print "written\n", cb
    wait $P0
    pass
    pass
    say "main goes on after the callback ended"
.end

.sub ender
    .param pmc r
    say "callback runs, then ends itself"
    end
    say "never printed"
.end
