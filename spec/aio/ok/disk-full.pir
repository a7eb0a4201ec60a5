# A full device (/dev/full fails every write with ENOSPC). A small write only fills the
# handle's buffer, so it succeeds; the error surfaces at the flush or close that writes the
# buffer out, and a write too big for the buffer fails at once. Sync forms throw, async forms
# fail their request, with the same text. A failed close still closes the handle.
.sub main :main
    .local pmc fh, r, nocb
    null nocb
    fh = open "/dev/full", "w"
    print fh, "buffered\n"
    say "sync print: buffered"
    push_eh flush_failed
    fh.'flush'()
    say "not reached"
flush_failed:
    get_results "0", $P0
    pop_eh
    print "sync flush: "
    say $P0
    fh.'puts'("puts\n")
    fh.'write'("write\n")
    push_eh close_failed
    close fh
    say "not reached"
close_failed:
    get_results "0", $P0
    pop_eh
    print "sync close: "
    say $P0
    $I0 = fh.'is_closed'()
    print "closed after the failure: "
    say $I0
    fh = open "/dev/full", "w"
    $S0 = repeat "x", 100000
    push_eh big_failed
    print fh, $S0
    say "not reached"
big_failed:
    get_results "0", $P0
    pop_eh
    print "sync big print: "
    say $P0
    r = print fh, "buffered\n", nocb
    wait r
    $S1 = r.'state'()
    print "async print: "
    say $S1
    r = close fh, nocb
    wait r
    $S1 = r.'state'()
    $P0 = r.'error'()
    print "async close: "
    print $S1
    print ", "
    say $P0
    fh = open "/dev/full", "w"
    r = print fh, $S0, nocb
    wait r
    $P0 = r.'error'()
    print "async big print: "
    say $P0
    r = print fh, "buffered\n", nocb
    wait r
    $P1 = get_global 'on_flush'
    r = fh.'flush'($P1)
    wait r
    pass
    close fh
.end

.sub on_flush
    .param pmc r
    $P0 = r.'error'()
    print "async flush: "
    say $P0
.end
# platforms: unix. Why: /dev/full, the full disk it writes to, is a Unix device file; Windows has none (spec/platforms.rst).
