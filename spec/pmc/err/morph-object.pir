# morph cannot make an object of a user class (Parrot_pmc_reuse cannot either).
.sub main :main
    $P0 = newclass 'Point'
    $P1 = new 'Integer'
    morph $P1, $P0
.end
