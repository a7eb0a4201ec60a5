# Too many positional arguments throw, naming the counts.
.sub main :main
    f(1, 2, 3)
.end

.sub f
    .param int a
    .param int b
.end
