# kea: max_depth=50
# Unbounded recursion stops with an error once the call depth passes --max-depth.
.pcc_sub :main main:
    find_name P0, "down"
    invokecc P0
    end
.pcc_sub down:
    find_name P0, "down"
    invokecc P0
    returncc
