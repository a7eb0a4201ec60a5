# print on I, N, S registers, constants and PMCs; print adds no newline.
    set I0, -7
    set N0, 2.5
    set S0, "str"
    new P0, 'Integer'
    set P0, 8
    print I0
    print " "
    print N0
    print " "
    print S0
    print " "
    print P0
    print " "
    print 1
    print " "
    print 1.25
    print "\n"
    end
