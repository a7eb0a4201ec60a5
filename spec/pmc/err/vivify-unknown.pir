# vivify of a null slot with a class that does not exist.
.sub main :main
    $P0 = new 'Hash'
    $P1 = vivify $P0, 'k', ['NoSuchClass']
.end
