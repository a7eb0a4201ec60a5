# Integer takes a num by becoming a Float and a string by becoming a String; Float takes an int by becoming an Integer.
    new P0, 'Integer'
    set P0, 2.5
    typeof S0, P0
    say S0
    say P0
    set P0, "hi"
    typeof S0, P0
    say S0
    new P1, 'Float'
    set P1, 7
    typeof S0, P1
    say S0
    say P1
    end
