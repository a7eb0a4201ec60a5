# die with a PMC uses the PMC's string value as the message.
    new P0, 'Integer'
    set P0, 404
    push_eh H
    die P0
H:  get_results "0", P1
    pop_eh
    say P1
    typeof S0, P1
    say S0
    end
