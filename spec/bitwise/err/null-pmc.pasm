# A bitwise op on a null PMC throws "Null PMC access in get_integer()".
    null P0
    band P0, 1
    say "not reached"
    end
