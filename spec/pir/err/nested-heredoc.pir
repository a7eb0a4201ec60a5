# One heredoc per line, as in IMCC ("nested heredoc not supported").
.sub main :main
    f(<<"A", <<"B")
a
A
b
B
.end
