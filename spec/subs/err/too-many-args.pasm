# get_params throws when too many positional arguments are passed.
.pcc_sub :main main:
    set_args "0,0,0", 1, 2, 3
    find_name P0, "two"
    invokecc P0
    end
.pcc_sub two:
    get_params "0,0", I0, I1
    returncc
