# An exception thrown in a called sub is caught by the caller's handler.
.pcc_sub :main main:
    push_eh H
    find_name P0, "thrower"
    invokecc P0
    say "not reached"
H:
    get_results "0", P1
    pop_eh
    set S0, P1
    print "caught in main: "
    say S0
    end
.pcc_sub thrower:
    die "from sub"
    returncc
