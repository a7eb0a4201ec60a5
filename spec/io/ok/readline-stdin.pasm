# kea: stdin=line one\nline two\n
# readline from stdin returns each line with its newline, then "" at EOF.
    getstdin P0
    readline S0, P0
    print S0
    readline S0, P0
    print S0
    readline S0, P0
    length I0, S0
    say I0
    end
