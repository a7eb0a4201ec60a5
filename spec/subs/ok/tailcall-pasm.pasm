# tailcall in PASM: the callee returns directly to the caller's caller.
.pcc_sub :main main:
    set_args "0", 4
    find_name P0, "a"
    invokecc P0
    get_results "0", I0
    say I0
    end
.pcc_sub a:
    get_params "0", I0
    mul I0, I0, 2
    set_args "0", I0
    find_name P0, "b"
    tailcall P0
.pcc_sub b:
    get_params "0", I0
    add I0, I0, 1
    set_returns "0", I0
    returncc
