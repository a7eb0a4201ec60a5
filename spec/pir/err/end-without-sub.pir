# .end closes a .sub; a stray one is an error, as is an unknown local type.
.end
.sub main :main
    .local integer x
.end
