# A Continuation whose sub has returned cannot go back to it: Parrot's "Continuation invoked
# after deactivation".
.sub 'main' :main
    $P0 = 'make'()
    $P0()
.end

.sub 'make'
    $P0 = new 'Continuation'
    set_label $P0, there
    .return ($P0)
there:
    say "not reached"
.end
