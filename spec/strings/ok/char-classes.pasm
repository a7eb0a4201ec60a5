# Character classes (cclass.pasm): below 256 as ISO-8859-1, above from Unicode.
    .include "cclass.pasm"
    set S0, iso-8859-1:"a\t\n \xa0_9\xd7\xe9"
    length I1, S0
    set I0, 0
ws:
    is_cclass I2, .CCLASS_WHITESPACE, S0, I0
    print I2
    inc I0
    le I0, I1, ws
    print "\n"
    set I0, 0
word:
    is_cclass I2, .CCLASS_WORD, S0, I0
    print I2
    inc I0
    lt I0, I1, word
    print "\n"
    is_cclass I2, .CCLASS_PUNCTUATION, S0, 7
    say I2
    is_cclass I2, .CCLASS_LOWERCASE, S0, 8
    say I2
    set S1, "_ ab 09"
    find_cclass I0, .CCLASS_NUMERIC, S1, 0, 7
    say I0
    find_cclass I0, .CCLASS_NUMERIC, S1, 0, 3
    say I0
    find_not_cclass I0, .CCLASS_WORD, S1, 0, 7
    say I0
    find_not_cclass I0, .CCLASS_WORD, S1, 9, 2
    say I0
    set S2, utf8:" \u2000x\u0661"
    find_not_cclass I0, .CCLASS_WHITESPACE, S2, 0, 4
    say I0
    find_cclass I0, .CCLASS_NUMERIC, S2, 0, 4
    say I0
    is_cclass I0, .CCLASS_ANY, S2, 3
    say I0
    end
