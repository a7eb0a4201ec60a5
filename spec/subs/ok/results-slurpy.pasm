# get_results with 0x20 collects all returned values into an array.
.pcc_sub :main main:
    find_name P0, "three"
    invokecc P0
    get_results "0x20", P1
    elements I0, P1
    say I0
    set S0, P1[2]
    say S0
    end
.pcc_sub three:
    set_returns "0,0,0", 1, 2, "c"
    returncc
