# A :slurpy param is a ResizablePMCArray of the leftover positionals (empty if none).
.sub main :main
    s(1)
    s(1, 2, "three")
.end

.sub s
    .param int first
    .param pmc rest :slurpy
    $S0 = typeof rest
    print $S0
    print " "
    $I0 = elements rest
    say $I0
.end
