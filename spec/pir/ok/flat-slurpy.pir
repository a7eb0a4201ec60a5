# :flat spreads an array into positional arguments; :slurpy collects them again.
.sub main :main
    $P0 = new 'ResizablePMCArray'
    push $P0, "a"
    push $P0, "b"
    push $P0, "c"
    count("first", $P0 :flat)
.end

.sub count
    .param string head
    .param pmc rest :slurpy
    $I0 = elements rest
    print head
    print " + "
    say $I0
.end
