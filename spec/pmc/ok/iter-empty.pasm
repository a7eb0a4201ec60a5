# An iterator over an empty array or hash is false from the start.
    new P0, 'ResizablePMCArray'
    iter P1, P0
    if P1, BAD
    say "empty array: no items"
    new P2, 'Hash'
    iter P3, P2
    if P3, BAD
    say "empty hash: no items"
    end
BAD: say "wrong"
    end
