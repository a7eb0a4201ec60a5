# Factorials 0! to 20!, computed by a recursive sub with Parrot's calling conventions.
.pcc_sub :main main:
    set I10, 0
NEXT:
    set_args "0", I10
    find_name P0, "fact"
    invokecc P0
    get_results "0", I0
    print I10
    print "! = "
    say I0
    inc I10
    le I10, 20, NEXT
    end

# fact(n) = n * fact(n - 1), fact(0) = fact(1) = 1
.pcc_sub fact:
    get_params "0", I0
    le I0, 1, ONE
    sub I1, I0, 1
    set_args "0", I1
    find_name P0, "fact"
    invokecc P0
    get_results "0", I2
    mul I0, I0, I2
    set_returns "0", I0
    returncc
ONE:
    set_returns "0", 1
    returncc
