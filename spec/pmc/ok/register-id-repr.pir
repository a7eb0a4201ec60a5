# register keeps a PMC alive (counted, undone by unregister); get_id names a PMC among the
# live ones; get_repr writes a value as its type does (a Hash's lacks the closing brace, as
# in Parrot's hash.pmc).
.sub main :main
    $P0 = new 'Integer'
    register $P0
    register $P0
    unregister $P0
    unregister $P0
    unregister $P0
    $P1 = $P0
    $I0 = get_id $P0
    $I1 = get_id $P1
    $P2 = new 'Integer'
    $I2 = get_id $P2
    $I3 = $I0 == $I1
    $I4 = $I0 != $I2
    print $I3
    say $I4

    $P0 = -42
    $S0 = get_repr $P0
    say $S0
    $P3 = new 'Float'
    $P3 = -2.5
    $S0 = get_repr $P3
    say $S0
    $P4 = new 'ResizablePMCArray'
    push $P4, 1
    push $P4, 2.5
    $S0 = get_repr $P4
    say $S0
    $P5 = new 'FixedPMCArray'
    $P5 = 2
    $P5[0] = $P0
    $P5[1] = $P0
    $S0 = get_repr $P5
    say $S0
    $P6 = new 'ResizableStringArray'
    push $P6, 'a'
    push $P6, 'b'
    $S0 = get_repr $P6
    say $S0
    $P7 = new 'ResizableIntegerArray'
    $S0 = get_repr $P7
    say $S0
    $P8 = new 'Hash'
    $P8['10'] = 1
    $P8['k'] = 'v'
    $S0 = get_repr $P8
    say $S0
.end
