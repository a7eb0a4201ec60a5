# Method calls are not supported yet: a clear assembly error, not a misparse.
.sub main :main
    $P0 = new 'Hash'
    $P0.'keys'()
.end
