# A new Exception thrown with throw has severity 2 and type 0 unless set; fields can be set by key.
.sub main :main
    $P0 = new 'Exception'
    $P0 = "custom"
    $P0["severity"] = 1
    push_eh handler
    throw $P0
handler:
    get_results "0", $P1
    pop_eh
    $S0 = $P1
    say $S0
    $I0 = $P1["severity"]
    say $I0
    $I1 = $P1["type"]
    say $I1
    $I2 = issame $P0, $P1
    say $I2
.end
