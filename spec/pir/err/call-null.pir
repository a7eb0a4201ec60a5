# Calling a null PMC held in a local throws "Null PMC access in invoke()".
.sub main :main
    .local pmc f
    f = get_global "no_such_sub"
    f()
.end
