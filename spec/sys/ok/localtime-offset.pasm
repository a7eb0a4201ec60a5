# kea: tz=KEA-5:30
# A zone half an hour off the hour, east of UTC.
    localtime S0, 0
    print S0
    decodelocaltime P0, 0
    set I0, P0[1]
    say I0
    end
