# getstderr's handle writes to stderr; a nonzero exit makes this an err/ case.
    getstderr P0
    print P0, "to stderr\n"
    say "to stdout"
    die "done"
