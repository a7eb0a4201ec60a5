# PIR "if $P0 goto" asks the PMC's get_bool: empty containers and zero scalars are false.
.sub main :main
    $P0 = new 'ResizablePMCArray'
    $I0 = is_true($P0)
    say $I0
    push $P0, 0
    $I0 = is_true($P0)
    say $I0
    $P1 = new 'String'
    $P1 = "0"
    $I0 = is_true($P1)
    say $I0
    $P2 = new 'Float'
    $P2 = 0.001
    $I0 = is_true($P2)
    say $I0
.end

.sub is_true
    .param pmc p
    if p goto yes
    .return (0)
yes:
    .return (1)
.end
