# A string is false when empty or exactly "0"; "0.0", "00" and " " are true.
    set S0, ""
    if S0, W
    say "empty false"
W:  set S0, "0"
    if S0, W2
    say "0 false"
W2: set S0, "0.0"
    unless S0, W3
    say "0.0 true"
W3: set S0, "00"
    unless S0, W4
    say "00 true"
W4: set S0, " "
    unless S0, W5
    say "space true"
W5: null S1
    if S1, W6
    say "null false"
W6: end
