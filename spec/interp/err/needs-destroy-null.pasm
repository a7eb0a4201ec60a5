# needs_destroy of the null PMC throws.
    null P0
    needs_destroy P0
    end
