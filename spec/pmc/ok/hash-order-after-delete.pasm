# A Hash iterates in insertion order until a key is deleted; a new key then takes the most
# recently freed slot, as in Parrot (keys a b c, delete b, add d: a d c).
    new P0, 'Hash'
    set P0["a"], 1
    set P0["b"], 2
    set P0["c"], 3
    delete P0["b"]
    set P0["d"], 4
    iter P1, P0
L1: unless P1, NEXT
    shift S0, P1
    print S0
    branch L1
NEXT:
    print "\n"
    new P2, 'Hash'
    set P2["a"], 1
    set P2["b"], 2
    set P2["c"], 3
    delete P2["a"]
    delete P2["c"]
    set P2["x"], 4
    set P2["y"], 5
    set P2["b"], 6
    iter P3, P2
L2: unless P3, DONE
    shift S0, P3
    print S0
    branch L2
DONE:
    print "\n"
    end
