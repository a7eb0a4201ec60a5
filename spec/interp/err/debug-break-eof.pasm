# The end of stdin leaves the debugger's command loop as quit does.
.loadlib 'debug_ops'
.pcc_sub :main main:
    debug_init
    debug_break
    print "went on\n"
    exit 1
