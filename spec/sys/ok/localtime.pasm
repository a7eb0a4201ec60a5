# kea: tz=EST5EDT,M3.2.0,M11.1.0
# localtime and decodelocaltime shift the time into the host's zone (here a POSIX rule with
# summer time); isdst says whether summer time is in effect.
    .loadlib 'sys_ops'
    localtime S0, 0
    print S0
    localtime S0, 1721044800
    print S0
    decodelocaltime P0, 1705320000
    set I0, P0[2]
    set I1, P0[8]
    print I0
    print " "
    say I1
    decodelocaltime P0, 1721044800
    set I0, P0[2]
    set I1, P0[8]
    print I0
    print " "
    say I1
    end
