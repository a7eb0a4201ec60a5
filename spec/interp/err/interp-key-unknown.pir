# A string key a ParrotInterpreter of Kea does not answer throws.
.sub 'main' :main
    $P0 = getinterp
    $P1 = $P0["context"]
.end
