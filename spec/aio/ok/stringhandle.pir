# StringHandle: an in-memory file with the FileHandle surface; its async ops complete at once
# and their callbacks run like any other.
.sub main :main
    .local pmc sh, nocb, r
    sh = new 'StringHandle'
    sh.'open'('mem', 'w')
    sh.'print'("first line\n")
    print sh, "second line\n"
    null nocb
    r = write sh, "third line\n", nocb
    $I0 = r
    say $I0
    sh.'close'()
    sh.'open'('mem', 'r')
    $S0 = sh.'readline'()
    print $S0
    r = readline sh, nocb
    $S1 = r.'return'()
    print $S1
    $S2 = sh.'readall'()
    print $S2
    $I1 = sh.'eof'()
    say $I1
.end
