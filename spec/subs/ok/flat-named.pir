# :flat :named spreads a Hash into named arguments.
.sub main :main
    $P0 = new 'Hash'
    $P0['x'] = 10
    $P0['y'] = 20
    pair($P0 :flat :named)
.end

.sub pair
    .param int x :named('x')
    .param int y :named('y')
    $I0 = x + y
    say $I0
.end
