# say on a null PMC throws "Null PMC in say".
    null P0
    say P0
    end
