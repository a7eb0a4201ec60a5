# exists is true for a key holding an Undef; defined is false for it; both false for a missing key.
    new P0, 'Hash'
    new P1, 'Undef'
    set P0["u"], P1
    set P0["n"], 5
    exists I0, P0["u"]
    defined I1, P0["u"]
    say I0
    say I1
    exists I0, P0["n"]
    defined I1, P0["n"]
    say I0
    say I1
    exists I0, P0["missing"]
    defined I1, P0["missing"]
    say I0
    say I1
    defined I2, P0
    say I2
    end
