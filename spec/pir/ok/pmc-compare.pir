# Comparisons between PMCs and with primitives in PIR conditionals and as 0/1 values.
.sub main :main
    $P0 = new 'Integer'
    $P0 = 3
    $P1 = new 'Float'
    $P1 = 3.5
    if $P0 < $P1 goto a
    say "no"
a:  if $P0 == 3 goto b
    say "no"
b:  if $P1 > 3.25 goto c
    say "no"
c:  $P2 = new 'Integer'
    $P2 = 3
    $I0 = $P0 == $P2
    say $I0
    $I0 = $P0 != $P2
    say $I0
    $I0 = $P1 < $P0
    say $I0
.end
