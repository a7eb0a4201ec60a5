# Boolean defaults to 0 (false); Undef prints as "" and is not defined.
    new P0, 'Boolean'
    say P0
    set P0, 5
    say P0
    new P1, 'Undef'
    defined I0, P1
    say I0
    print "["
    print P1
    say "]"
    end
