# Classes, attributes and methods: newclass/addattribute, new, setattribute/getattribute, and
# method calls obj.'m'(x), obj.$S0(x) and obj.m() with m a string variable; a :method sub gets
# its invocant as self.
.namespace ['Counter']
.sub init :method
    .param int start
    $P0 = new 'Integer'
    $P0 = start
    setattribute self, "count", $P0
.end
.sub bump :method
    .param int by
    $P0 = getattribute self, "count"
    $P0 += by
    .return ($P0)
.end
.sub describe :method
    $P0 = getattribute self, "count"
    $S0 = $P0
    $S1 = "Counter at " . $S0
    .return ($S1)
.end
.namespace []
.sub main :main
    $P0 = newclass "Counter"
    addattribute $P0, "count"
    $P1 = new "Counter"
    $P1.'init'(10)
    $P2 = $P1.'bump'(5)
    say $P2
    $S0 = "bump"
    $P2 = $P1.$S0(1)
    say $P2
    .local string describe
    describe = 'describe'
    $S1 = $P1.describe()
    say $S1
    $S2 = typeof $P1
    say $S2
    $P3 = new 'Hash'
.end
