# Iterating a Hash with no deletions visits keys in insertion order.
    new P0, 'Hash'
    set P0["zeta"], 1
    set P0["alpha"], 2
    set P0["mid"], 3
    iter P1, P0
LOOP:
    unless P1, DONE
    shift S0, P1
    print S0
    print "="
    set I0, P0[S0]
    say I0
    branch LOOP
DONE:
    end
