# Seven encodings, numbered as Parrot numbers them; length counts code points in each, and
# bytelength the bytes the encoding takes.
    set I0, 0
names:
    encodingname S0, I0
    find_encoding I1, S0
    print I1
    print " "
    say S0
    inc I0
    lt I0, 7, names
    encodingname S0, 7
    isnull I1, S0
    say I1
    find_encoding I0, "unicode"
    say I0
    set S0, "abc"
    encoding I0, S0
    say I0
    set S1, utf16:"a\u00e4\x{10101}"
    length I0, S1
    bytelength I1, S1
    print I0
    print " "
    say I1
    find_encoding I2, "ucs4"
    trans_encoding S2, S1, I2
    bytelength I1, S2
    say I1
    find_encoding I2, "utf8"
    trans_encoding S3, S1, I2
    bytelength I1, S3
    say I1
    say S3
# Equal code points are equal strings, whatever the encodings.
    set S4, iso-8859-1:"\xe4"
    set S5, utf8:"\u00e4"
    iseq I0, S4, S5
    say I0
    set S6, ucs2:"\u00e4"
    iseq I0, S5, S6
    say I0
# iso-8859-1 to ascii keeps ASCII text; latin-1 joined with utf8 is utf8.
    find_encoding I2, "ascii"
    trans_encoding S7, iso-8859-1:"abc", I2
    encoding I0, S7
    say I0
    concat S8, S4, S5
    encoding I0, S8
    length I1, S8
    print I0
    print " "
    say I1
    concat S9, "x", utf8:"y"
    encoding I0, S9
    say I0
    .include "stringinfo.pasm"
    stringinfo I0, S1, .STRINGINFO_STRLEN
    stringinfo I1, S1, .STRINGINFO_BUFUSED
    print I0
    print " "
    say I1
    end
