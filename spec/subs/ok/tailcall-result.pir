# .tailcall passes the callee's results straight back to the original caller.
.sub main :main
    ($I0, $S0) = outer(3)
    print $I0
    print " "
    say $S0
.end

.sub outer
    .param int n
    n += 1
    .tailcall inner(n)
.end

.sub inner
    .param int n
    $I0 = n * 10
    .return ($I0, "done")
.end
