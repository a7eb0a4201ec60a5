# .const names a constant; keyed reads and writes on hashes and arrays.
.const int LIMIT = 3
.const string GREETING = "hello"
.sub main :main
    say GREETING
    $P0 = new 'Hash'
    $P0["n"] = LIMIT
    $I0 = $P0["n"]
    say $I0
    $P1 = new 'ResizablePMCArray'
    $P1[0] = "zero"
    $P1[2] = "two"
    $S0 = $P1[2]
    say $S0
    $I1 = elements $P1
    say $I1
    $P2 = new ['Integer']
    $P2 = 7
    say $P2
.end
