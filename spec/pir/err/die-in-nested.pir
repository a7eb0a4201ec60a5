# An uncaught die in a nested PIR call prints the message and one backtrace line per frame.
.sub main :main
    outer()
.end

.sub outer
    inner(1)
.end

.sub inner
    .param int x
    die "nested failure"
.end
