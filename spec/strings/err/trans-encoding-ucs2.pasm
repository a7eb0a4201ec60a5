# ucs2 stops at U+FFFF.
    find_encoding I0, "ucs2"
    trans_encoding S0, utf16:"abc\x{10101}def", I0
    end
