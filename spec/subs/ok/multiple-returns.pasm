# A sub can return several values.
.pcc_sub :main main:
    find_name P0, "two"
    invokecc P0
    get_results "0,0", I0, S0
    say I0
    say S0
    end
.pcc_sub two:
    set_returns "0,0", 9, "nine"
    returncc
