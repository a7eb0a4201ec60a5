# if/unless with a constant condition are decided at assembly time, as IMCC folds them.
    if 0, SKIP
    say "if 0 falls through"
SKIP:
    unless 0, TAKEN
    say "not reached"
TAKEN:
    if "a", DONE
    say "not reached"
DONE:
    say "done"
    end
