# Parrot's escapes: \? and a backslash before a non-letter quote the character; \x takes one
# or two hex digits, \u and \U their full count (fewer only at the end), \ooo octal.
    say "\{\}\[\?\$"
    say "\x41\x4aZ \101\12"
    say utf8:"\u00e9t\u00e9"
    say utf8:"end\x{263a}"
    end
