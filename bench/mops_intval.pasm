# Parrot's mops_intval loop shape: 100 million iterations of sub + if on I registers
    set I2, 0
    set I3, 1
    set I4, 100000000
REDO:
    sub I4, I4, I3
    if I4, REDO
    print I4
    print "\n"
    end
