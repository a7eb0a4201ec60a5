# exit throws a catchable exception .
    push_eh H
    exit 3
    say "not reached"
H:
    get_results "0", P0
    pop_eh
    say "exit caught"
    end
