# debug_print writes every register of the running sub to stderr, kind by kind (I, N, S, P),
# as Parrot's PDB_print shows them; backtrace writes the call chain in the format of an
# uncaught exception's report, which ends the case (both on stderr, so this case is an err/
# one). The debug ops need debug_init first.
.loadlib 'debug_ops'
.pcc_sub :main main:
    debug_init
    debug_load "debug-print.pasm"
    set I0, 42
    set N0, 1.5
    set S0, "text"
    new P0, 'Integer'
    set P0, 7
    debug_print
    find_name P1, "inner"
    invokecc P1
    end
.pcc_sub inner:
    backtrace
    null P0
    invokecc P0
    returncc
