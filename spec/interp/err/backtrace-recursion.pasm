# kea: max_depth=40
# A backtrace shows a run of calls from the same place once, then how many more there were.
.pcc_sub :main main:
    set I0, 0
    find_name P0, "down"
    invokecc P0
    end
.pcc_sub down:
    inc I0
    find_name P0, "down"
    invokecc P0
    returncc
