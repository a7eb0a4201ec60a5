# gmtime writes C's asctime of a Unix time in UTC, 25 bytes (a five-digit year loses the
# newline); decodetime gives tm.pasm's nine fields: month 1-12, the full year, isdst 0.
    .include "tm.pasm"
    gmtime S0, 0
    print S0
    gmtime S0, 951827696
    print S0
    gmtime S0, -1
    print S0
    gmtime S0, 253402300800
    print "["
    print S0
    print "]\n"
    length I0, S0
    say I0
    decodetime P0, 951827696
    typeof S0, P0
    say S0
    set I0, P0
    say I0
    set I0, 0
loop:
    set I1, P0[I0]
    print I1
    print " "
    inc I0
    lt I0, 9, loop
    print "\n"
    set I1, P0[.TM_YDAY]
    say I1
    end
