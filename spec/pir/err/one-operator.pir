# One operator per statement, as in PIR: a longer expression is an error with its position.
.sub main :main
    $I0 = 1 + 2 + 3
.end
