# Integer PMC arithmetic that overflows 64 bits promotes to BigInt (I registers wrap instead).
    new P0, 'Integer'
    set P0, 9223372036854775807
    add P1, P0, 1
    say P1
    typeof S0, P1
    say S0
    mul P2, P0, P0
    say P2
    end
