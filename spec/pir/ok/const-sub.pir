# .const 'Sub' NAME = 'name' makes NAME a PMC holding the sub, found by :subid (else its name)
# anywhere in the file, as IMCC does; the most common use is an async op's callback.
.sub main :main
    .const 'Sub' handler = 'report'
    .local pmc req
    req = print "written\n", handler
    wait req
    .const 'Sub' $P0 = 'by-id'
    $P0()
    say $P0
    .const 'Sub' later = 'defined_later'
    $S0 = later(20)
    say $S0
.end

.sub report
    .param pmc r
    say "callback ran"
.end

.sub by_another_name :subid('by-id')
    say "found by subid"
.end

.sub defined_later
    .param int n
    n += 1
    .return (n)
.end
