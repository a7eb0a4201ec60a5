# A utf8 string: length counts code points, bytelength counts bytes, substr works on code points.
    set S0, utf8:"\u00e9t\u00e9 \u20ac"
    length I0, S0
    say I0
    bytelength I0, S0
    say I0
    substr S1, S0, 4, 1
    say S1
    end
