.sub main :main
    $S0 = repeat "z", 10000
    push_eh caught
    print $S0
    printerr "not reached\n"
    exit 3
caught:
    get_results "0", $P0
    pop_eh
    printerr "caught: "
    printerr $P0
    printerr "\n"
.end
