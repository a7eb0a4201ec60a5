# deref gives an iterator's aggregate; setref is set_pmc (an Integer takes an integer, an
# Undef becomes a copy, a ResizablePMCArray takes the elements); copy makes the target a
# clone, keeping its identity; morph makes it a new, empty PMC of the named class.
.sub main :main
    $P0 = new 'ResizablePMCArray'
    push $P0, 1
    push $P0, 2
    $P1 = iter $P0
    $P2 = deref $P1
    $I0 = issame $P0, $P2
    say $I0

    $P3 = new 'Integer'
    $P4 = new 'String'
    $P4 = '12abc'
    setref $P3, $P4
    $S0 = typeof $P3
    print $S0
    print ' '
    say $P3
    $P5 = new 'Undef'
    setref $P5, $P4
    $S0 = typeof $P5
    print $S0
    print ' '
    say $P5
    $P6 = new 'ResizablePMCArray'
    $P7 = new 'ResizableIntegerArray'
    push $P7, 7
    push $P7, 8
    setref $P6, $P7
    $I0 = elements $P6
    $S0 = $P6[1]
    print $I0
    print ' '
    say $S0

    $P8 = new 'Float'
    $P9 = $P8
    copy $P8, $P4
    $S0 = typeof $P9
    print $S0
    print ' '
    say $P9

    $P10 = new 'String'
    $P10 = 'Integer'
    morph $P9, $P10
    $S0 = typeof $P9
    print $S0
    print ' '
    say $P9
.end
