.pcc_sub :main main:
    find_name P0, "f"
    invokecc P0
    end
.pcc_sub f:
    find_name P0, "f"
    invokecc P0
    returncc
