# Overwriting an existing hash key keeps its place in iteration order.
    new P0, 'Hash'
    set P0["c"], 1
    set P0["a"], 2
    set P0["b"], 3
    set P0["c"], 4
    iter P1, P0
L:  unless P1, D
    shift S0, P1
    set I0, P0[S0]
    print S0
    print "="
    say I0
    branch L
D:  end
