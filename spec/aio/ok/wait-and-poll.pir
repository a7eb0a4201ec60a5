# With a null callback the program polls the request or waits on it; `return` gives the
# result once it is done (a null PMC before).
.sub main :main
    .local pmc fh, r, nocb
    null nocb
    fh = open "/tmp/kea-spec-aio-poll.txt", "w"
    print fh, "abcdefgh"
    close fh
    fh = open "/tmp/kea-spec-aio-poll.txt", "r"
    r = read fh, 3, nocb
    $P0 = r.'return'()
    if null $P0 goto pending
    say "already done?"
pending:
    $I0 = 0
loop:
    $I1 = r
    if $I1 goto done
    inc $I0
    goto loop
done:
    $S0 = r.'return'()
    say $S0
    r = read fh, 100, nocb
    wait r
    $S0 = r.'return'()
    say $S0
    $I0 = fh.'eof'()
    say $I0
.end
