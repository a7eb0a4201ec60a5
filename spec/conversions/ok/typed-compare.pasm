# The typed PMC comparisons compare as strings (`_str`) or as numbers (`_num`) whatever the
# PMCs hold; cmp P, I|N|S reads the PMC as that kind.
    box P0, "10"
    box P1, "9"
    lt_str P0, P1, STR_LESS
    say "no"
STR_LESS:
    say "'10' lt_str '9'"
    gt_num P0, P1, NUM_MORE
    say "no"
NUM_MORE:
    say "10 gt_num 9"
    eq_num P0, P0, SAME
    say "no"
SAME:
    box P2, 10
    eq_str P0, P2, EQ_STR
    say "no"
EQ_STR:
    ne_num P0, P2, NE
    say "10 == '10' as numbers"
NE:
    cmp_str I0, P0, P1
    say I0
    cmp_num I0, P0, P1
    say I0
    cmp_num I0, P2, P0
    say I0
    box P3, 2.5
    cmp_num I0, P2, P3
    say I0
    cmp I0, P2, 11
    say I0
    cmp I0, P3, 2.5
    say I0
    cmp I0, P0, "9"
    say I0
    cmp I0, "abc", "abd"
    say I0
    cmp I0, 2.5, 1.5
    say I0
    iseq I0, "a", "a"
    say I0
    isgt I0, 1.5, 2.5
    say I0
    cmp_pmc P4, P0, P0
    isnull I0, P4
    say I0
    end
