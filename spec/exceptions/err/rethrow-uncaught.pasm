# A rethrow with no outer handler is an uncaught exception with the original message.
    push_eh H
    die "original"
H:  get_results "0", P0
    pop_eh
    rethrow P0
    end
