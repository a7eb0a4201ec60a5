# debug_print before debug_init throws Parrot's error.
.loadlib 'debug_ops'
.pcc_sub :main main:
    debug_print
    end
