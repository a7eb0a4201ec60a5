# runinterp P, L runs the code at L in the interpreter P, with registers of its own, until its
# end; then the code after runinterp goes on with its own registers as they were.
.pcc_sub :main main:
    new P0, 'ParrotInterpreter'
    set I0, 1
    print "before\n"
    runinterp P0, other
    print "after, I0 is still "
    print I0
    print "\n"
    end
other:
    print "in the other interpreter, I0 starts at "
    print I0
    print "\n"
    set I0, 99
    end
