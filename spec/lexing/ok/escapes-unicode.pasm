# \uhhhh and \Uhhhhhhhh give code points; printed as UTF-8.
    say utf8:"\u00e9\u20ac"
    say utf8:"\U0001F600"
    length I0, utf8:"\u00e9\u20ac\U0001F600"
    say I0
    bytelength I0, utf8:"\u00e9\u20ac\U0001F600"
    say I0
    end
