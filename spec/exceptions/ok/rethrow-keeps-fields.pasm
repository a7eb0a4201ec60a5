# rethrow passes the same exception object, with its message, to the outer handler.
    push_eh OUTER
    push_eh INNER
    die "again"
INNER:
    get_results "0", P0
    pop_eh
    rethrow P0
OUTER:
    get_results "0", P1
    pop_eh
    issame I0, P0, P1
    say I0
    say P1
    end
