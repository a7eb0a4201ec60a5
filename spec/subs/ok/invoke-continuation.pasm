# invoke P, P calls a Sub with a Continuation as its return continuation: the callee's return
# goes where the Continuation goes, here a label after the call in the same sub.
.pcc_sub :main main:
    new P1, 'Continuation'
    set_label P1, back
    find_name P0, "answer"
    set_args "0", 7
    invoke P0, P1
    print "the return skipped this\n"
back:
    get_results "0", I0
    print I0
    print "\n"
    end
.pcc_sub answer:
    get_params "0", I1
    mul I1, I1, 6
    set_returns "0", I1
    returncc
