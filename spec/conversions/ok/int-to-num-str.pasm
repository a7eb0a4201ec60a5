# set N, I and set S, I: exact conversion; S gets plain decimal.
    set I0, -42
    set N0, I0
    say N0
    set S0, I0
    say S0
    set I0, 9007199254740993
    set N0, I0
    say N0
    end
