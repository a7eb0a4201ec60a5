# bands, bors, bxors work bytewise and give binary strings: and is as long as the shorter
# string, or and xor as the longer; a null string counts as empty.
    bands S0, "abc", "EE"
    say S0
    bors S0, "abc", "EE"
    say S0
    bxors S0, "abc", "   "
    say S0
    null S1
    bands S0, S1, "abc"
    length I0, S0
    say I0
    isnull I0, S0
    say I0
    bors S0, S1, "abc"
    say S0
    bnots S0, "AB"
    bnots S0, S0
    say S0
    new P0, 'String'
    set P0, "abc"
    bands P0, "EE"
    say P0
    box P1, "abc"
    new P2, 'String'
    bors P2, P1, "  "
    say P2
    box P3, "   "
    bxors P2, P1, P3
    say P2
    bxors P1, P3
    say P1
    bnots P1
    bnots P1
    say P1
    end
