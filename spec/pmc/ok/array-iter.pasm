# iter over an array yields its elements in order.
    new P0, 'ResizablePMCArray'
    push P0, "a"
    push P0, "b"
    push P0, "c"
    iter P1, P0
L:  unless P1, D
    shift S0, P1
    say S0
    branch L
D:  end
