# print of a null S register prints nothing.
    null S0
    print "["
    print S0
    say "]"
    end
