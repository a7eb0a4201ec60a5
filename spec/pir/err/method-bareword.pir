# A method name after the dot must be quoted or be a string variable: IMCC refuses a bareword.
.sub 'main' :main
    $P0 = new 'String'
    $P0.lower()
.end
