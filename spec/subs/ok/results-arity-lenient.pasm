# get_results does not check arity: an extra result target is left alone, fewer are fine too.
.pcc_sub :main main:
    find_name P0, "one"
    invokecc P0
    get_results "0,0", I0, I1
    say I0
    say I1
    end
.pcc_sub one:
    set_returns "0", 5
    returncc
