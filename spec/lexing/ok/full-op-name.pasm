# A full op name may be written for its mnemonic when its kind codes match the operands.
    set_i_ic I0, 32
    say I0
    add_n_n_nc N0, N0, 1.5
    say N0
    end
