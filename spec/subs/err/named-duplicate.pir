# Passing the same name twice is Parrot's "duplicate named argument in call".
.sub 'main' :main
    'f'('a' => 1, 'a' => 2)
.end

.sub 'f'
    .param int a :named('a')
.end
