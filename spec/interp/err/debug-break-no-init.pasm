# debug_break before debug_init throws Parrot's "No debugger" (a usage error).
.loadlib 'debug_ops'
.pcc_sub :main main:
    debug_break
    end
