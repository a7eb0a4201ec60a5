# Assigning a value to an Undef in PIR morphs it (int -> Integer); Undef is not defined before.
.sub main :main
    $P0 = new 'Undef'
    $I0 = defined $P0
    say $I0
    $P0 = 5
    $S0 = typeof $P0
    say $S0
    $I0 = defined $P0
    say $I0
.end
