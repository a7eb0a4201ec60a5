# The uncaught-error backtrace names the sub the error happened in.
.pcc_sub :main main:
    find_name P0, "inner"
    invokecc P0
    end
.pcc_sub inner:
    die "deep"
    returncc
