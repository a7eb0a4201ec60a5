# A PMC argument is passed by reference: the callee's in-place change is visible to the caller.
.sub main :main
    $P0 = new 'Integer'
    $P0 = 1
    bump($P0)
    say $P0
    $P1 = new 'ResizablePMCArray'
    fill($P1)
    $I0 = elements $P1
    say $I0
.end

.sub bump
    .param pmc p
    inc p
.end

.sub fill
    .param pmc a
    push a, "x"
    push a, "y"
.end
