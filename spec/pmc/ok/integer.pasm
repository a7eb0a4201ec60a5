# Integer PMC: new, set, arithmetic with I/N/P operands, inc/dec, typeof.
    new P0, 'Integer'
    set P0, 40
    add P0, 2
    say P0
    new P1, 'Integer'
    set P1, 5
    mul P2, P0, P1
    say P2
    inc P0
    dec P1
    say P0
    say P1
    add P3, P0, 0.5
    say P3
    typeof S0, P3
    say S0
    end
