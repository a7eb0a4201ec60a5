# String get_integer/get_number parse a leading number; get_bool is false only for "" and "0".
    new P0, 'String'
    set P0, "12abc"
    set I0, P0
    say I0
    set P0, "3.5e2xyz"
    set N0, P0
    say N0
    set P0, "-17"
    set I0, P0
    say I0
    set P0, "0"
    unless P0, F1
    say "wrong"
F1: say "\"0\" is false"
    set P0, ""
    unless P0, F2
    say "wrong"
F2: say "\"\" is false"
    set P0, "0.0"
    if P0, T1
    say "wrong"
T1: say "\"0.0\" is true"
    set P0, "00"
    if P0, T2
    say "wrong"
T2: say "\"00\" is true"
    end
