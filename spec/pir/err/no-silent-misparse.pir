# A statement is never dropped or read as something else: a dangling operator, an unknown op
# in the a = op form, and an undeclared name are errors.
.sub main :main
    .local int n
    n = 1 +
    $P0 = getinterp
    $I0 = frob 1, 2
    $I1 = frob -1
    print no_such
    n = -
    goto
.end
