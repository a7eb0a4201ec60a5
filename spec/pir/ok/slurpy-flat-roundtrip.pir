# A :slurpy array passed on with :flat reaches the next sub as the same positional arguments.
.sub main :main
    relay(1, 2, 3)
.end

.sub relay
    .param pmc args :slurpy
    $I0 = sum(args :flat)
    say $I0
.end

.sub sum
    .param int a
    .param int b
    .param int c
    $I0 = a + b
    $I0 += c
    .return ($I0)
.end
