# Arguments of all four kinds; an I argument into a P parameter is boxed as an Integer.
.pcc_sub :main main:
    set_args "0,0,0,0", 1, 2.5, "s", 7
    find_name P0, "show"
    invokecc P0
    end
.pcc_sub show:
    get_params "0,0,0,0", I0, N0, S0, P0
    say I0
    say N0
    say S0
    typeof S1, P0
    say S1
    returncc
