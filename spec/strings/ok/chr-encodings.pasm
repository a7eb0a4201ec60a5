# chr gives ASCII below 0x80, a one-byte ISO-8859-1 string up to 0xFF, and UTF-8 above.
    chr S0, 65
    say S0
    chr S1, 233
    bytelength I0, S1
    length I1, S1
    print I0
    print " "
    say I1
    chr S2, 0x263A
    bytelength I0, S2
    length I1, S2
    print I0
    print " "
    say I1
    end
