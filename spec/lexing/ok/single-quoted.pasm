# Single-quoted strings have no escapes at all: backslashes stay literal.
    print 'a\nb\tc\\d\x41'
    print "\n"
    length I0, 'a\n'
    say I0
    say 'has "double" quotes'
    end
