# and/or return one of their operands (like Perl); xor gives the true one or 0; not gives 0/1.
    and I0, 3, 5
    say I0
    and I0, 0, 5
    say I0
    or I0, 0, 7
    say I0
    or I0, 3, 7
    say I0
    xor I0, 3, 0
    say I0
    xor I0, 3, 5
    say I0
    xor I0, 0, 0
    say I0
    not I0, 0
    say I0
    not I0, 42
    say I0
    end
