# Recursion: each call has its own registers.
.pcc_sub :main main:
    set_args "0", 10
    find_name P0, "fact"
    invokecc P0
    get_results "0", I0
    say I0
    end
.pcc_sub fact:
    get_params "0", I0
    le I0, 1, ONE
    sub I1, I0, 1
    set_args "0", I1
    find_name P0, "fact"
    invokecc P0
    get_results "0", I2
    mul I0, I0, I2
ONE:
    set_returns "0", I0
    returncc
