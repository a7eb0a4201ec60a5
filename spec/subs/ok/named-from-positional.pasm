# Positional arguments left over when the positional parameters are filled fill the named
# parameters in order, as Parrot's fill_params does.
.pcc_sub :main main:
    set_args "0, 0, 0", 1, 2, 3
    find_name P1, "f"
    invokecc P1
    end
.pcc_sub f:
    get_params "0, 0x200, 0, 0x200, 0", I0, "b", I1, "c", I2
    print I0
    print " "
    print I1
    print " "
    print I2
    print "\n"
    returncc
