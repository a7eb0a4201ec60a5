# exit N throws an exception of severity 6 (EXCEPT_EXIT) carrying exit_code N.
    push_eh H
    exit 3
H:  get_results "0", P0
    pop_eh
    set I0, P0["severity"]
    say I0
    set I2, P0["exit_code"]
    say I2
    say "still running"
    end
