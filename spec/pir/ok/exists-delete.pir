# exists, defined and delete in PIR form: $I0 = exists h["k"], delete h["k"].
.sub main :main
    .local pmc h
    h = new 'Hash'
    h["k"] = 1
    $I0 = exists h["k"]
    say $I0
    $I0 = defined h["k"]
    say $I0
    delete h["k"]
    $I0 = exists h["k"]
    say $I0
    $I0 = elements h
    say $I0
.end
