# A backtrace names a sub of a namespace by the HLL's namespace path and its name, joined by
# ';' as Parrot does; a sub of the root namespace by its name.
.sub 'main' :main
    'Deep'()
.end
.namespace ['Outer'; 'Inner']
.sub 'Deep'
    $P0 = new 'Integer'
    $P0.'no_such_method'()
.end
