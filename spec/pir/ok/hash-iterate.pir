# Iterating a Hash in PIR yields keys in insertion order; values are read back by key.
.sub main :main
    .local pmc h, it
    h = new 'Hash'
    h["one"] = 1
    h["two"] = 2
    h["three"] = 3
    it = iter h
loop:
    unless it goto done
    $S0 = shift it
    $I0 = h[$S0]
    print $S0
    print "="
    say $I0
    goto loop
done:
.end
