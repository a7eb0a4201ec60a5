# Data read from a handle is binary (length counts bytes) unless the handle's encoding is utf8.
.sub main :main
    $P0 = open "/tmp/kea-u8.txt", "w"
    print $P0, utf8:"héllo\n"
    close $P0
    $P0 = open "/tmp/kea-u8.txt", "r"
    $S0 = readline $P0
    $I0 = length $S0
    say $I0
    close $P0
    $P0 = open "/tmp/kea-u8.txt", "r"
    $P0.'encoding'('utf8')
    $S0 = readline $P0
    $I0 = length $S0
    say $I0
.end
