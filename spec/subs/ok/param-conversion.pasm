# Passing a value to a param of another primitive kind converts it (S->I parses, I->S formats, N->I truncates).
.pcc_sub :main main:
    set_args "0,0,0", "42", 7, 3.9
    find_name P0, "conv"
    invokecc P0
    end
.pcc_sub conv:
    get_params "0,0,0", I0, S0, I1
    add I0, I0, 1
    say I0
    concat S0, S0, "!"
    say S0
    say I1
    returncc
