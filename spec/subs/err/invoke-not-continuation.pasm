# invoke P, P wants a Continuation as the return continuation.
.pcc_sub :main main:
    find_name P0, "callee"
    new P1, 'Integer'
    invoke P0, P1
    end
.pcc_sub callee:
    returncc
