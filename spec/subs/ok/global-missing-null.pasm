# get_global and find_name of a missing name give null instead of throwing.
    get_global P0, "nope"
    isnull I0, P0
    say I0
    find_name P1, "nope"
    isnull I0, P1
    say I0
    end
