# stringinfo knows facts 1 to 6 (stringinfo.pasm).
    stringinfo I0, "abc", 9
    end
