# BigInt from overflow: get_string is exact, get_number rounds to %.15g, get_bool, get_integer when it fits.
    new P0, 'Integer'
    set P0, 9223372036854775807
    mul P1, P0, 10
    typeof S0, P1
    say S0
    say P1
    set N0, P1
    say N0
    if P1, T
    say "wrong"
T:  say "true"
    sub P2, P1, P1
    typeof S0, P2
    say S0
    say P2
    unless P2, F
    say "wrong"
F:  say "zero is false"
    end
