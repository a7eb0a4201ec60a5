# invokecc on a null PMC throws "Null PMC access in invoke()".
    null P0
    invokecc P0
    say "not reached"
    end
