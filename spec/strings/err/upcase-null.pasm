# Case mapping of the null string throws.
    null S0
    upcase S1, S0
    end
