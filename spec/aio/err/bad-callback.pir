# The callback must be a Sub or null.
.sub main :main
    $P1 = new 'Integer'
    $P0 = print "x\n", $P1
.end
