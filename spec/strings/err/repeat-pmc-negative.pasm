# The PMC forms of repeat refuse a negative count too.
    new P0, 'String'
    set P0, "ab"
    repeat P1, P0, -1
    end
