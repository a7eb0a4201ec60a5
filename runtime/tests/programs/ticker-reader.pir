.sub main :main
    $P0 = get_global 'ticker'
    schedule $P0
    $P1 = getstdin
loop:
    $S0 = readline $P1
    unless $S0 goto eof
    print "got: "
    print $S0
    goto loop
eof:
    say "eof"
    exit 0
.end

.sub ticker
    $I0 = 0
again:
    sleep 0.01
    inc $I0
    print "tick "
    say $I0
    goto again
.end
