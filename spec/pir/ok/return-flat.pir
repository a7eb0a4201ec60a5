# .return (arr :flat) returns each element as a separate result.
.sub main :main
    ($I0, $I1, $I2) = parts()
    print $I0
    print $I1
    say $I2
.end

.sub parts
    $P0 = new 'ResizableIntegerArray'
    push $P0, 7
    push $P0, 8
    push $P0, 9
    .return ($P0 :flat)
.end
