# Named arguments bind by name whatever order they are passed in.
.sub main :main
    pair(2 :named('y'), 1 :named('x'))
    pair(1 :named('x'), 2 :named('y'))
.end

.sub pair
    .param int x :named('x')
    .param int y :named('y')
    print x
    print " "
    say y
.end
