# end inside a called sub ends the whole program (Kea: it ends the task).
.pcc_sub :main main:
    find_name P0, "stopper"
    invokecc P0
    say "not reached"
    end
.pcc_sub stopper:
    say "in stopper"
    end
