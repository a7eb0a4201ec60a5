# A positional argument after a named one is Parrot's "named arguments must follow all
# positional arguments".
.sub 'main' :main
    'f'('a' => 1, 2)
.end

.sub 'f'
    .param int b
    .param int a :named('a')
.end
