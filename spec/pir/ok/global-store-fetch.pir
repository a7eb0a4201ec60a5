# set_global stores any PMC under a name; get_global fetches the same PMC.
.sub main :main
    $P0 = new 'Integer'
    $P0 = 41
    set_global "counter", $P0
    bump()
    $P1 = get_global "counter"
    say $P1
.end

.sub bump
    $P0 = get_global "counter"
    inc $P0
.end
