# Iterators over string and float arrays yield the elements in order; shift until false.
    new P0, 'ResizableStringArray'
    push P0, "x"
    push P0, "y"
    iter P1, P0
L1: unless P1, D1
    shift S0, P1
    say S0
    branch L1
D1: new P2, 'ResizableFloatArray'
    push P2, 0.5
    push P2, 1.25
    iter P3, P2
L2: unless P3, D2
    shift N0, P3
    say N0
    branch L2
D2: end
