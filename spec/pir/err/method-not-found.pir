# Calling a method a class does not have throws, naming the method and the invocant's class.
.sub main :main
    $P0 = new 'Hash'
    $P0.'keys'()
.end
