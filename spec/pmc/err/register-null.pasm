# register of a null PMC.
    null P0
    register P0
    end
