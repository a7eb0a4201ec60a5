# A sub stored under a new name with set_global can be fetched with get_global and called.
.pcc_sub :main main:
    find_name P0, "hello"
    set_global "greeter", P0
    get_global P1, "greeter"
    set_args "0", "world"
    invokecc P1
    end
.pcc_sub hello:
    get_params "0", S0
    print "hello, "
    say S0
    returncc
