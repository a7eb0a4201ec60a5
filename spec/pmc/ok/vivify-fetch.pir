# fetch and vivify read obj[key]; where that is null they make a PMC of the named class,
# which vivify also stores and fetch does not (src/ops/experimental.ops).
.sub main :main
    $P0 = new 'ResizablePMCArray'
    $P1 = new 'Integer'
    $P1 = 111
    $P0[1] = $P1
    $P2 = fetch $P0, 1, ['Integer']
    say $P2
    $P2 = fetch $P0, 3, ['Integer']
    $S0 = typeof $P2
    say $S0
    $I0 = elements $P0
    say $I0
    $P2 = vivify $P0, 3, ['String']
    $S0 = typeof $P2
    say $S0
    $I0 = elements $P0
    say $I0
    $P3 = new 'Hash'
    $P2 = vivify $P3, 'one', ['Integer']
    $P2 = 5
    $P4 = $P3['one']
    say $P4
    $P5 = new 'String'
    $P5 = 'Float'
    $P2 = fetch $P3, 'two', $P5
    $S0 = typeof $P2
    say $S0
    $I0 = exists $P3['two']
    say $I0
    $P6 = new 'String'
    $P6 = 'one'
    $P2 = fetch $P3, $P6, ['Float']
    say $P2
.end
