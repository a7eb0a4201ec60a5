# rand after srand gives Parrot's numbers: the rand48 generator.
    srand 42
    rand N0
    say N0
    rand I0
    say I0
    rand I0, 10
    say I0
    rand I0, 5, 10
    say I0
    rand N0, 2.0
    say N0
    rand N0, 1.0, 3.0
    say N0
    srand 42.9
    rand N0
    say N0
    end
