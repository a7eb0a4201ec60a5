# \xhh (1-2 hex digits), \ooo (1-3 octal digits), \x{h..}, \cX control characters.
    say "\x41\x4a\x7e"
    say "\x9Z"
    say "\101\102\60"
    say "\x{43}\x{044}"
    ord I0, "\cA"
    say I0
    ord I0, "\c["
    say I0
    ord I0, "\0"
    say I0
    length I0, "\1234"
    say I0
    end
