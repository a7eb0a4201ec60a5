# FileHandle methods: open, print, puts, readline, read, eof, seek (whence, offset), tell,
# readall, mode, record_separator, is_closed; a trailing Sub argument makes a method async.
.sub main :main
    .local pmc fh
    fh = new 'FileHandle'
    fh.'open'("/tmp/kea-spec-aio-fh.txt", "w")
    fh.'print'("alpha;beta;")
    fh.'puts'("gamma\n")
    $S0 = fh.'mode'()
    say $S0
    fh.'close'()
    $I0 = fh.'is_closed'()
    say $I0
    fh.'open'("/tmp/kea-spec-aio-fh.txt", "r")
    fh.'record_separator'(";")
    $S0 = fh.'readline'()
    say $S0
    $I0 = fh.'tell'()
    say $I0
    fh.'seek'(0, 0)
    $S0 = fh.'read'(5)
    say $S0
    $P0 = get_global 'got'
    $P1 = fh.'readall'($P0)
    wait $P1
    $I0 = fh.'eof'()
    say $I0
    fh.'close'()
    $I0 = stat "/tmp/kea-spec-aio-fh.txt", 1
    say $I0
.end

.sub got
    .param pmc r
    $S0 = r.'return'()
    print "async readall: "
    print $S0
.end
