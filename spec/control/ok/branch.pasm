# branch jumps unconditionally, forward or backward.
    set I0, 0
    branch FWD
    say "skipped"
BACK:
    say "back"
    end
FWD:
    say "forward"
    branch BACK
