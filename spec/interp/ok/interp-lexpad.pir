# interp["lexpad"] is null in a sub without lexicals, as in Parrot.
.sub 'main' :main
    $P0 = getinterp
    $P1 = $P0["lexpad"]
    if null $P1 goto none
    say "a pad"
    end
none:
    say "no pad"
.end
