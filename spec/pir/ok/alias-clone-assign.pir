# PIR $P1 = $P0 aliases; clone copies; assign copies the value into an existing PMC.
.sub main :main
    $P0 = new 'ResizablePMCArray'
    push $P0, 1
    $P1 = $P0
    $P2 = clone $P0
    push $P0, 2
    $I0 = elements $P1
    say $I0
    $I0 = elements $P2
    say $I0
    $P3 = new 'Integer'
    $P4 = new 'Integer'
    $P4 = 8
    assign $P3, $P4
    $P4 = 9
    say $P3
.end
