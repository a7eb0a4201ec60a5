# After pop_eh the handler no longer catches.
    push_eh H
    pop_eh
    die "uncaught now"
H:
    say "wrong"
    end
