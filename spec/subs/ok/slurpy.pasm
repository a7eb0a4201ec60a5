# A slurpy parameter (0x20) collects the remaining positional arguments into an array.
.pcc_sub :main main:
    find_name P0, "slurp"
    set_args "0,0,0", "first", 1, 2
    invokecc P0
    set_args "0", "alone"
    invokecc P0
    end
.pcc_sub slurp:
    get_params "0,0x20", S0, P0
    elements I0, P0
    print S0
    print " + "
    say I0
    returncc
