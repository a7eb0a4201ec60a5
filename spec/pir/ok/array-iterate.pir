# Iterating a ResizableIntegerArray in PIR: shift until the iterator is false.
.sub main :main
    .local pmc a, it
    a = new 'ResizableIntegerArray'
    push a, 3
    push a, 1
    push a, 2
    $I1 = 0
    it = iter a
loop:
    unless it goto done
    $I0 = shift it
    $I1 += $I0
    goto loop
done:
    say $I1
.end
