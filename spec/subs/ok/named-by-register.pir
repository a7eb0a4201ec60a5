# A named argument's name may be in a string register: `$S0 => value`.
.sub 'main' :main
    $S0 = 'size'
    'show'($S0 => 3)
    $S1 = 'colour'
    'show'('size' => 5, $S1 => 'red')
.end

.sub 'show'
    .param int size :named('size')
    .param string colour :named('colour') :optional
    print size
    print " "
    say colour
.end
