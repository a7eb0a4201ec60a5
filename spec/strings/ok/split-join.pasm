# split on a delimiter gives a ResizableStringArray; join glues its elements.
    split P0, ",", "a,b,,c"
    elements I0, P0
    say I0
    set S0, P0[2]
    print "["
    print S0
    say "]"
    join S1, "-", P0
    say S1
    split P1, "", "xyz"
    elements I0, P1
    say I0
    join S1, "+", P1
    say S1
    end
