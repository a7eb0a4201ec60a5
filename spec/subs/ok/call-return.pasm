# set_args/invokecc/get_results in the caller; get_params/set_returns/returncc in the callee.
.pcc_sub :main main:
    set_args "0,0", 3, 4
    find_name P0, "add"
    invokecc P0
    get_results "0", I0
    say I0
    end
.pcc_sub add:
    get_params "0,0", I0, I1
    add I2, I0, I1
    set_returns "0", I2
    returncc
