# clone of a Hash copies the table: adding a key to the clone leaves the original alone.
    new P0, 'Hash'
    set P0["a"], 1
    clone P1, P0
    set P1["b"], 2
    set P2, P0
    set P2["c"], 3
    elements I0, P0
    say I0
    elements I0, P1
    say I0
    exists I0, P1["c"]
    say I0
    end
