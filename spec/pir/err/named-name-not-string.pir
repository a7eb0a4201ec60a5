# The name before '=>' must be a string: a constant or an S register.
.sub 'main' :main
    $I0 = 1
    'f'($I0 => 2)
.end

.sub 'f'
    .param int a :named('a')
.end
