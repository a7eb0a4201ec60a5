# debug_load before debug_init throws "No debugger" too.
.loadlib 'debug_ops'
.pcc_sub :main main:
    debug_load "x.pasm"
    end
