# find_sub_not_null on a missing name throws.
    find_sub_not_null P0, "nope"
    end
