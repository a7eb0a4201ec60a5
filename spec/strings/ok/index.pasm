# index finds the first occurrence at or after start; -1 if absent.
    index I0, "hello world", "o"
    say I0
    index I0, "hello world", "o", 5
    say I0
    index I0, "hello world", "z"
    say I0
    index I0, "hello", ""
    say I0
    index I0, "hello", "l", 10
    say I0
    end
