# A tour of the PIR-like layer: .sub/.param/.local, infix ops, calls with results, keyed access.
.sub main :main
    .local int i, n
    i = 0
loop:
    n = fib(i)
    print n
    print " "
    inc i
    if i <= 15 goto loop
    print "\n"
    $S0 = "abc"
    $S1 = $S0 . "def"
    $I0 = length $S1
    say $I0
    $P0 = new 'Hash'
    $P0["k"] = 42
    $I1 = $P0["k"]
    $I1 += 8
    say $I1
    $N0 = 1.5
    $N1 = $N0 * 2
    say $N1
    ($I2, $I3) = divmod(17, 5)
    print $I2
    print " "
    say $I3
    unless $I2 == 3 goto bad
    say "ok"
    .return ()
bad:
    say "bad"
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

.sub divmod
    .param int a
    .param int b
    $I0 = a / b
    $I1 = a % b
    .return ($I0, $I1)
.end
