# say prints its operand and a newline, for every operand kind.
    say 42
    say -1.5
    say "str"
    set N0, 0.25
    say N0
    new P1, 'Float'
    set P1, 1e-10
    say P1
    new P4, 'Undef'
    say P4
    say ""
    end
