# :slurpy :named collects every named argument into a Hash.
.sub main :main
    opts(1 :named('a'), "two" :named('b'))
    opts()
.end

.sub opts
    .param pmc all :slurpy :named
    $S0 = typeof all
    print $S0
    print " "
    $I0 = elements all
    say $I0
.end
