# Kea has no lexical pads yet: interp["lexpad"] in a sub marked :lex throws instead of giving
# null.
.sub 'main' :main :lex
    $P0 = getinterp
    $P1 = $P0["lexpad"]
.end
