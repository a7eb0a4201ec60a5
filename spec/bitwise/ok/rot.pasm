# rot rotates the low `width` bits left (right for a negative count); the full op name
# `rot_i_i_i_ic` is accepted as IMCC accepts full names.
    rot I0, 10, 1, 32
    say I0
    rot I0, 10, -1, 32
    say I0
    rot I0, 0x80000000, 1, 32
    say I0
    rot I0, 1, -1, 8
    say I0
    set I1, 3
    set I2, 4
    rot_i_i_i_ic I0, I1, I2, 64
    say I0
    end
