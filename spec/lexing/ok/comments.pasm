# `#` starts a comment anywhere outside a string; blank lines are ignored.
# a full-line comment

    say "a # is not a comment inside a string"   # trailing comment
    say 'nor # in single quotes'#comment with no space
    end
