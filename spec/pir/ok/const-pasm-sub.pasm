# PASM's .const 'Sub' puts the sub into a P register.
.pcc_sub :main main:
    .const 'Sub' P0 = "greet"
    set_args "0", "pasm"
    invokecc P0
    end
.pcc_sub greet:
    get_params "0", S0
    print "hello from "
    say S0
    returncc
