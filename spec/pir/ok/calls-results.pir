# Calls with one result, several results, none, and a sub in a local PMC.
.sub main :main
    ($I0, $I1) = divmod(17, 5)
    print $I0
    print " "
    say $I1
    $S0 = twice("ab")
    say $S0
    shout("hi")
    .local pmc f
    f = get_global "twice"
    $S1 = f("xy")
    say $S1
.end

.sub divmod
    .param int a
    .param int b
    $I0 = a / b
    $I1 = a % b
    .return ($I0, $I1)
.end

.sub twice
    .param string s
    $S0 = repeat s, 2
    .return ($S0)
.end

.sub shout
    .param string s
    $S0 = upcase s
    say $S0
.end
