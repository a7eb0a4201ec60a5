# A callee's registers are its own: the caller's I0 survives the call.
.pcc_sub :main main:
    set I0, 1
    find_name P0, "clobber"
    invokecc P0
    say I0
    end
.pcc_sub clobber:
    set I0, 99
    returncc
