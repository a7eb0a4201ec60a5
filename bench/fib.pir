.sub main :main
    $I0 = fib(30)
    say $I0
.end
.sub fib
    .param int n
    if n < 2 goto base
    $I0 = n - 1
    $I1 = fib($I0)
    $I2 = n - 2
    $I3 = fib($I2)
    $I4 = $I1 + $I3
    .return ($I4)
base:
    .return (n)
.end
