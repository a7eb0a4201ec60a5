# get_global and set_global with a key name a global in a namespace below the current one.
.sub main :main
    $P0 = new 'Integer'
    $P0 = 42
    set_global ['Foo'], 'Bar', $P0
    $P1 = get_global ['Foo'], 'Bar'
    say $P1
    $P2 = get_global ['Foo'; 'Deeper'], 'Bar'
    $I0 = isnull $P2
    say $I0
    $P3 = get_global ['Foo'], 'helper'
    $P3()
.end

.namespace ['Foo']
.sub helper
    say 'helper in Foo'
.end
