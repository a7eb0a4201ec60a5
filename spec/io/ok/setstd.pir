# setstdout, setstderr and setstdin put another handle in the place of a standard one:
# print, say, printerr, read and peek use it, and getstdout gives it back, until it is set
# again.
.sub main :main
    .local pmc out, err, in, buf, ebuf, ibuf
    out = getstdout
    err = getstderr
    in = getstdin
    buf = new 'StringHandle'
    buf.'open'('out', 'w')
    setstdout buf
    print "to the buffer "
    say 42
    $P0 = getstdout
    $I0 = issame $P0, buf
    setstdout out
    say $I0
    buf.'close'()
    buf.'open'('out', 'r')
    $S0 = buf.'readall'()
    print $S0
    ebuf = new 'StringHandle'
    ebuf.'open'('err', 'w')
    setstderr ebuf
    printerr "an error\n"
    setstderr err
    ebuf.'close'()
    ebuf.'open'('err', 'r')
    $S0 = ebuf.'readall'()
    print $S0
    ibuf = new 'StringHandle'
    ibuf.'open'('in', 'w')
    print ibuf, "abc\n"
    ibuf.'close'()
    ibuf.'open'('in', 'r')
    setstdin ibuf
    $S0 = peek
    say $S0
    $S0 = read 2
    say $S0
    setstdin in
.end
