# exit throws a catchable exception: type CONTROL_EXIT (65543), severity EXCEPT_EXIT (6).
.include 'except_types.pasm'
    push_eh H
    exit 3
H:  get_results "0", P0
    pop_eh
    set I0, P0["type"]
    say I0
    eq I0, .CONTROL_EXIT, OK
    say "wrong type"
OK: set I1, P0["severity"]
    say I1
    set I2, P0["exit_code"]
    say I2
    end
