# print on a null PMC asks it for its string: "Null PMC access in get_string()".
    null P0
    print P0
    end
