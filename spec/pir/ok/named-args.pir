# Named arguments and parameters (PDD 3): by name, optional with opt_flag, from a :flat
# :named hash, and a :slurpy :named hash collecting the rest.
.sub main :main
    greet("Ada", 2 :named('times'))
    greet("Bob")
    $P0 = new 'Hash'
    $P0["times"] = 3
    greet("Cy", $P0 :flat :named)
    opts(1, 2 :named('b'), 3 :named('c'))
.end

.sub greet
    .param string who
    .param int times :named('times') :optional
    .param int has_times :opt_flag
    if has_times goto loop
    times = 1
loop:
    say who
    dec times
    if times > 0 goto loop
.end

.sub opts
    .param int a
    .param pmc rest :slurpy :named
    $I0 = elements rest
    say $I0
    $I1 = rest["c"]
    say $I1
.end
