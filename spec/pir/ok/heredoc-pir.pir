# A heredoc is any string constant after <<: its raw text, whatever its characters, is the
# terminator line; "..." heredocs take escapes, where \ before a non-letter quotes it.
.sub main :main
    $S0 = <<"*<:-O"
one { \{ \\{
two\t"quoted"
*<:-O
    print $S0
    print <<'#raw\n'
no $escapes\n here
#raw\n
.end
