# The experimental flatten ops, exactly as Parrot's: flatten_array_into reads its source
# elements from the destination (so it copies the destination's own first elements);
# slurp_array_from returns an empty array and pushes the elements onto the source;
# flatten_hash_into copies a Hash's pairs, keeping the destination's keys unless overwrite.
.sub main :main
    $P0 = new 'ResizablePMCArray'
    push $P0, 'a'
    push $P0, 'b'
    $P1 = new 'ResizablePMCArray'
    push $P1, 'x'
    flatten_array_into $P0, $P1, 0
    $S0 = join ',', $P0
    say $S0
    $P2 = slurp_array_from $P0, 1
    $I0 = elements $P2
    say $I0
    $S0 = join ',', $P0
    say $S0
    $P3 = new 'Hash'
    $P3['k'] = 'old'
    $P4 = new 'Hash'
    $P4['k'] = 'new'
    $P4['j'] = 'added'
    flatten_hash_into $P3, $P4, 0
    $S0 = $P3['k']
    $S1 = $P3['j']
    print $S0
    print ' '
    say $S1
    flatten_hash_into $P3, $P4, 1
    $S0 = $P3['k']
    say $S0
.end
