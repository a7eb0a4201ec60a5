# A null standard output: print fails as Parrot's write to a null PMC.
    null P0
    setstdout P0
    print "lost"
    end
