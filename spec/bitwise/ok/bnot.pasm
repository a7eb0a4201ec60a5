# bnot flips all 64 bits.
    set I0, 0
    bnot I1, I0
    say I1
    set I1, 5
    bnot I1, I1
    say I1
    bnot I1
    say I1
    end
