# A label right after the `.param`s is after the binding: jumping to it does not bind again.
.sub main :main
    count(3)
.end

.sub count
    .param int n
again:
    say n
    dec n
    if n > 0 goto again
.end
