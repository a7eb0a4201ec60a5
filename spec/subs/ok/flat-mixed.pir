# :flat can appear between ordinary arguments; the callee sees one flat list.
.sub main :main
    $P0 = new 'ResizablePMCArray'
    push $P0, 2
    push $P0, 3
    show(1, $P0 :flat, 4)
    $P1 = new 'ResizablePMCArray'
    show($P1 :flat)
.end

.sub show
    .param pmc all :slurpy
    $S0 = join ",", all
    print "<"
    print $S0
    say ">"
.end
