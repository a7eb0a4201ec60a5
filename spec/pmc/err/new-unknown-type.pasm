# new with an unknown type name throws.
    new P0, 'NoSuchType'
    say "not reached"
    end
