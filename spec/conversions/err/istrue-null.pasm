# istrue on a null PMC: "Null PMC access in get_bool()".
    null P0
    istrue I0, P0
    say "not reached"
    end
