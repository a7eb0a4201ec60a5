# a[k] = v and v = a[k] with int, string and register keys; multi-level keys with ';'.
.sub main :main
    .local pmc h, a
    h = new 'Hash'
    a = new 'ResizablePMCArray'
    a[0] = "zero"
    $I0 = 1
    a[$I0] = 11
    h["list"] = a
    $S0 = "list"
    $S1 = h[$S0;0]
    say $S1
    $I1 = h["list";1]
    say $I1
    h["list";2] = 2.5
    $N0 = a[2]
    say $N0
.end
