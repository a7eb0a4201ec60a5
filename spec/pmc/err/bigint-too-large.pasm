# A BigInt has at most 1,048,576 bits (Kea's limit: it keeps every BigInt op short, so none
# outlasts --max-time); a result past it raises a catchable error. Squaring doubles the bits.
    new P0, 'Integer'
    set P0, 3
    set I0, 0
    push_eh CAUGHT
LOOP:
    mul P0, P0, P0
    inc I0
    branch LOOP
CAUGHT:
    get_results "0", P1
    pop_eh
    print "caught after "
    print I0
    print " squarings: "
    set S0, P1
    say S0
    mul P0, P0, P0
    end
