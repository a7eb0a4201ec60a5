# escape, chopn, rindex, foldcase, compose, find_codepoint, and the PMC forms of repeat.
    escape S0, "tab\there \"q\" \\ \x01\x7f"
    say S0
    escape S0, utf8:"\u00e9\u2001\x{1f600}"
    say S0
    chopn S0, "abcdef", 2
    say S0
    chopn S0, "abcdef", -2
    say S0
    chopn S0, "abc", 5
    length I0, S0
    say I0
    rindex I0, "abcabc", "bc"
    say I0
    rindex I0, "abcabc", "bc", 3
    say I0
    rindex I0, "abcabc", "x"
    say I0
    foldcase S0, "MiXeD"
    say S0
    upcase S0, iso-8859-1:"t\xf6tsch"
    escape S0, S0
    say S0
    downcase S0, utf8:"\u00c4BC"
    encoding I0, S0
    say I0
    compose S0, utf8:"caf\u00e9"
    escape S0, S0
    say S0
    find_codepoint I0, "LINE FEED (LF)"
    say I0
    find_codepoint I0, "NO SUCH NAME"
    say I0
    new S1
    length I0, S1
    say I0
    new P0, 'String'
    set P0, "ab"
    repeat P1, P0, 3
    say P1
    repeat P0, 2
    say P0
    new P2, 'String'
    set P2, "!"
    concat P0, P2
    say P0
    substr S2, P0, 1, 2
    say S2
    end
