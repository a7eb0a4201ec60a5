# splice replaces count elements at offset with the elements of another aggregate
# (ResizablePMCArray, ResizableStringArray); a negative offset counts from the end. A
# FixedPMCArray puts the other aggregate itself into each place, as Parrot's does.
.sub main :main
    $P0 = new 'ResizablePMCArray'
    push $P0, 1
    push $P0, 2
    push $P0, 3
    push $P0, 4
    $P1 = new 'ResizablePMCArray'
    push $P1, 'a'
    push $P1, 'b'
    push $P1, 'c'
    splice $P0, $P1, 1, 2
    $S0 = join ',', $P0
    say $S0
    $P2 = new 'ResizablePMCArray'
    splice $P0, $P2, -2, 1
    $S0 = join ',', $P0
    say $S0
    splice $P0, $P1, 9, 0
    $S0 = join ',', $P0
    say $S0
    $P3 = new 'ResizableStringArray'
    push $P3, 'x'
    push $P3, 'y'
    $P4 = new 'ResizableStringArray'
    push $P4, 'z'
    splice $P3, $P4, 0, 1
    $S0 = join ',', $P3
    say $S0
    $P5 = new 'FixedPMCArray'
    $P5 = 2
    splice $P5, $P1, 0, 2
    $P6 = $P5[1]
    $I0 = issame $P6, $P1
    say $I0
.end
