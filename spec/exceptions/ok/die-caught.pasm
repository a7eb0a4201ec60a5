# push_eh installs a handler; die "msg" jumps there; get_results fetches the exception.
    push_eh H
    say "about to die"
    die "dying words"
    say "not reached"
H:
    get_results "0", P0
    pop_eh
    set S0, P0
    say S0
    end
