# Too many positional arguments throw in the callee; the caller's handler catches it.
.pcc_sub :main main:
    push_eh H
    set_args "0,0,0", 1, 2, 3
    find_name P0, "one"
    invokecc P0
    say "not reached"
H:  get_results "0", P1
    pop_eh
    say P1
    end
.pcc_sub one:
    get_params "0", I0
    returncc
