# kea: stdin=print I0\nprint I\nprint P0\nprint X\nstack\nhelp\nnext\nfrob\nquit\n
# debug_break stops in the debugger's command loop: a prompt on stderr, a command from stdin.
# print shows a register or every register of a kind, stack the call chain; quit (or
# continue, or the end of stdin) goes on after the op. A second debug_break and any
# debug_print do nothing then. (The debugger talks on stderr, so this case is an err/ one.)
.loadlib 'debug_ops'
.pcc_sub :main main:
    debug_init
    set I0, 1
    set I1, 2
    new P0, 'String'
    set P0, "in P0"
    debug_break
    print "after the break\n"
    debug_break
    debug_print
    print "done\n"
    exit 3
