# An uncaught exception three subs deep lists every frame in the backtrace, innermost first.
.pcc_sub :main main:
    find_name P0, "one"
    invokecc P0
    end
.pcc_sub one:
    find_name P0, "two"
    invokecc P0
    returncc
.pcc_sub two:
    find_name P0, "three"
    invokecc P0
    returncc
.pcc_sub three:
    die "deep failure"
    returncc
