# Iterating a ResizablePMCArray into P registers yields the stored PMCs themselves.
    new P0, 'ResizablePMCArray'
    new P5, 'Integer'
    set P5, 1
    push P0, P5
    push P0, "s"
    iter P1, P0
    shift P2, P1
    issame I0, P2, P5
    say I0
    shift P3, P1
    typeof S0, P3
    say S0
    unless P1, D
    say "not reached"
D:  end
