# Testing a null PMC for truth throws "Null PMC access in get_bool()".
    null P0
    if P0, L
L:  say "not reached"
    end
