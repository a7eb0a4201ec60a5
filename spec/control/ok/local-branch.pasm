# local_branch pushes the return address on a stack PMC; local_return pops it; they nest.
    new P9, 'ResizableIntegerArray'
    set I0, 3
    local_branch P9, SQUARE
    say I1
    local_branch P9, QUAD
    say I1
    elements I2, P9
    say I2
    end
SQUARE:
    mul I1, I0, I0
    local_return P9
QUAD:
    local_branch P9, SQUARE
    set I0, I1
    local_branch P9, SQUARE
    local_return P9
