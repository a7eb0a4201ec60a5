# delete removes a hash key; deleting a missing key is harmless.
    new P0, 'Hash'
    set P0["a"], 1
    set P0["b"], 2
    delete P0["a"]
    delete P0["zzz"]
    elements I0, P0
    say I0
    exists I0, P0["a"]
    say I0
    set I1, P0["b"]
    say I1
    end
