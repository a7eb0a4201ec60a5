# A file with no .pcc_sub runs as one implicit unit from its first op.
    set I0, 1
    say I0
    end
