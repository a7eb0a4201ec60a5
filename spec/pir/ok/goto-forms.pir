# goto, if/unless on a value, on a comparison, and on null.
.sub main :main
    $I0 = 0
again:
    inc $I0
    if $I0 < 3 goto again
    say $I0
    unless $I0 == 3 goto wrong
    $S0 = "0"
    if $S0 goto wrong
    say "string \"0\" is false"
    null $P0
    if null $P0 goto isnull
    goto wrong
isnull:
    $P0 = new 'Integer'
    unless null $P0 goto done
wrong:
    say "wrong"
done:
    say "done"
.end
