# Boolean: get_string is "1"/"0", get_integer 1/0, get_number 1/0; numbers and strings store their truth.
    new P0, 'Boolean'
    set P0, 1
    set S0, P0
    say S0
    set I0, P0
    say I0
    set N0, P0
    say N0
    set P0, 0.0
    say P0
    set P0, -3.5
    say P0
    set P0, "0"
    say P0
    set P0, "false"
    say P0
    set P0, ""
    say P0
    typeof S1, P0
    say S1
    end
