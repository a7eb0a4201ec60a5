# Using a null PMC throws "Null PMC access in ...".
    null P0
    inc P0
    end
