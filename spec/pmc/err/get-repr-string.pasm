# A String has no get_repr in Parrot (neither it nor its parents define one).
    new P0, "String"
    get_repr S0, P0
    end
