# 'name' => value passes a named argument; :named alone names a value after its variable.
.sub main :main
    show('b' => 2, 'a' => 1)
    .local int a
    a = 10
    show(5 :named('b'), a :named)
    $I0 = 'incr'('value' => 41)
    say $I0
.end

.sub show
    .param int a :named('a')
    .param int b :named('b')
    print a
    print " "
    say b
.end

.sub incr
    .param int value :named
    inc value
    .return (value)
.end
