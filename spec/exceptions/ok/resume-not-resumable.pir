# An error raised by an op cannot be resumed: invoking its e['resume'] throws a catchable error.
.sub main :main
    push_eh h1
    $I0 = 1
    $I1 = 0
    $I2 = $I0 / $I1
    say "not reached"
h1:
    get_results "0", $P0
    pop_eh
    $S0 = $P0
    say $S0
    push_eh h2
    $P1 = $P0['resume']
    $P1()
    say "not reached either"
h2:
    get_results "0", $P2
    pop_eh
    $S0 = $P2
    say $S0
.end
