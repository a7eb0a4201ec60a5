# length counts characters; bytelength counts bytes; empty and null strings give 0.
    length I0, "hello"
    say I0
    length I0, ""
    say I0
    null S0
    length I0, S0
    say I0
    length I0, utf8:"na\u00efve"
    say I0
    bytelength I0, utf8:"na\u00efve"
    say I0
    end
