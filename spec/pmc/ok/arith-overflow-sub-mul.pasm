# Integer PMC subtraction and in-place multiplication also promote to BigInt on overflow.
    new P0, 'Integer'
    set P0, -9223372036854775807
    sub P1, P0, 2
    say P1
    typeof S0, P1
    say S0
    new P2, 'Integer'
    set P2, 4611686018427387904
    mul P2, 4
    say P2
    typeof S0, P2
    say S0
    end
