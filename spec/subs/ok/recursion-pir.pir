# Recursive PIR subs: each call has its own locals.
.sub main :main
    $I0 = fact(10)
    say $I0
    $I0 = fib(15)
    say $I0
.end

.sub fact
    .param int n
    if n <= 1 goto one
    $I0 = n - 1
    $I1 = fact($I0)
    n *= $I1
one:
    .return (n)
.end

.sub fib
    .param int n
    if n < 2 goto base
    $I0 = n - 1
    $I1 = fib($I0)
    dec $I0
    $I2 = fib($I0)
    $I1 += $I2
    n = $I1
base:
    .return (n)
.end
