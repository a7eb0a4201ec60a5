# Hash: keyed set/get with S keys, elements, exists, defined, delete; a missing key reads as null.
    new P0, 'Hash'
    set P0["a"], 1
    set P0["b"], "two"
    elements I0, P0
    say I0
    set I1, P0["a"]
    say I1
    exists I2, P0["b"]
    say I2
    delete P0["b"]
    exists I2, P0["b"]
    say I2
    set P1, P0["missing"]
    isnull I3, P1
    say I3
    defined I4, P0["a"]
    say I4
    end
