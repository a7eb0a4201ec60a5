# :optional params default to 0, "" or null; :opt_flag says whether each was passed.
.sub main :main
    f()
    f(5)
    f(5, "x")
.end

.sub f
    .param int a :optional
    .param int has_a :opt_flag
    .param string b :optional
    .param int has_b :opt_flag
    print a
    print " "
    print has_a
    print " ["
    print b
    print "] "
    say has_b
.end
