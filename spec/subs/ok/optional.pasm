# An optional parameter (0x80) followed by its opt_flag (0x100).
.pcc_sub :main main:
    find_name P0, "opt"
    set_args "0", 5
    invokecc P0
    set_args "0,0", 5, 6
    invokecc P0
    end
.pcc_sub opt:
    get_params "0,0x80,0x100", I0, I1, I2
    print I0
    print " "
    print I1
    print " has_opt="
    say I2
    returncc
