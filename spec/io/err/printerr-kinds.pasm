# printerr of I, N, S and P values goes to stderr, unbuffered relative to the diagnostic.
    printerr 1
    printerr " "
    printerr 2.5
    printerr "\n"
    die "stop"
