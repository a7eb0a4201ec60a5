# Integer literals: decimal, 0x hex, 0o octal, 0b binary, and a leading minus.
    say 42
    say -42
    say 0x1F
    say 0xff
    say 0o17
    say 0b1011
    say 0
    say -0x10
    say 9223372036854775807
    say -9223372036854775808
    end
