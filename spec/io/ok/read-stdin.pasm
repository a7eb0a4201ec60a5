# kea: stdin=abcdefg
# read N reads up to N bytes; at EOF it gives "".
    getstdin P0
    read S0, P0, 3
    say S0
    read S0, P0, 10
    say S0
    read S0, P0, 10
    length I0, S0
    say I0
    end
