# get_results does not check arity: a result target with no value is emptied (0 here), as
# Parrot does; fewer targets than values are fine too.
.pcc_sub :main main:
    set I1, 77
    find_name P0, "one"
    invokecc P0
    get_results "0,0", I0, I1
    say I0
    say I1
    end
.pcc_sub one:
    set_returns "0", 5
    returncc
