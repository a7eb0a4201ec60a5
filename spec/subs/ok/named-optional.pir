# A :named :optional parameter with :opt_flag tells whether the name was passed.
.sub main :main
    h()
    h(9 :named('n'))
.end

.sub h
    .param int n :named('n') :optional
    .param int has_n :opt_flag
    print has_n
    print " "
    say n
.end
