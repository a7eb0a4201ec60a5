.sub main :main
    $P0 = open "{path}", "w"
    print $P0, "fits the buffer, not the disk\n"
    say "print: ok"
    push_eh failed
    close $P0
    say "not reached"
failed:
    get_results "0", $P1
    pop_eh
    print "close: "
    say $P1
.end
