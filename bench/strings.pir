.sub main :main
    $S0 = ""
    $I0 = 0
loop:
    $S0 .= "ab"
    $I0 = $I0 + 1
    if $I0 < 200000 goto loop
    $I1 = length $S0
    say $I1
.end
