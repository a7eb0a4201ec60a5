# if/unless on a PMC ask its truth: Integer 0, empty String, empty array are false.
    new P0, 'Integer'
    if P0, W
    say "Integer 0 false"
W:  set P0, 3
    unless P0, W2
    say "Integer 3 true"
W2: new P1, 'String'
    if P1, W3
    say "empty String false"
W3: new P2, 'ResizablePMCArray'
    if P2, W4
    say "empty array false"
W4: push P2, 0
    unless P2, W5
    say "non-empty array true"
W5: new P3, 'Undef'
    if P3, W6
    say "Undef false"
W6: end
