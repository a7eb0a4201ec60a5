# Calling a PMC that is not a sub throws "invoke() not implemented in class 'String'".
.sub main :main
    $P0 = new 'String'
    $P0 = "not code"
    $P0()
.end
