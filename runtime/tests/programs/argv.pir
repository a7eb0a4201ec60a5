.sub main :main
    .param pmc argv
    $I0 = elements argv
    say $I0
    $S0 = argv[1]
    say $S0
    $S0 = argv[2]
    say $S0
.end
