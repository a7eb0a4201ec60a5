# Every form of the mixed I/N branches, the typed PMC branches and the constant-only
# tests; each line prints 1 where the comparison holds.
    set I1, 2
    set N1, 2.5
    box P1, "10"
    box P2, "9"
    eq I1, N1, T1
    say "eq I1 N1: 0"
    branch E1
T1: say "eq I1 N1: 1"
E1:
    eq N1, I1, T2
    say "eq N1 I1: 0"
    branch E2
T2: say "eq N1 I1: 1"
E2:
    eq_str P1, P2, T3
    say "eq_str: 0"
    branch E3
T3: say "eq_str: 1"
E3:
    eq_num P1, P2, T4
    say "eq_num: 0"
    branch E4
T4: say "eq_num: 1"
E4:
    ne I1, N1, T5
    say "ne I1 N1: 0"
    branch E5
T5: say "ne I1 N1: 1"
E5:
    ne N1, I1, T6
    say "ne N1 I1: 0"
    branch E6
T6: say "ne N1 I1: 1"
E6:
    ne_str P1, P2, T7
    say "ne_str: 0"
    branch E7
T7: say "ne_str: 1"
E7:
    ne_num P1, P2, T8
    say "ne_num: 0"
    branch E8
T8: say "ne_num: 1"
E8:
    lt I1, N1, T9
    say "lt I1 N1: 0"
    branch E9
T9: say "lt I1 N1: 1"
E9:
    lt N1, I1, T10
    say "lt N1 I1: 0"
    branch E10
T10: say "lt N1 I1: 1"
E10:
    lt_str P1, P2, T11
    say "lt_str: 0"
    branch E11
T11: say "lt_str: 1"
E11:
    lt_num P1, P2, T12
    say "lt_num: 0"
    branch E12
T12: say "lt_num: 1"
E12:
    le I1, N1, T13
    say "le I1 N1: 0"
    branch E13
T13: say "le I1 N1: 1"
E13:
    le N1, I1, T14
    say "le N1 I1: 0"
    branch E14
T14: say "le N1 I1: 1"
E14:
    le_str P1, P2, T15
    say "le_str: 0"
    branch E15
T15: say "le_str: 1"
E15:
    le_num P1, P2, T16
    say "le_num: 0"
    branch E16
T16: say "le_num: 1"
E16:
    gt I1, N1, T17
    say "gt I1 N1: 0"
    branch E17
T17: say "gt I1 N1: 1"
E17:
    gt N1, I1, T18
    say "gt N1 I1: 0"
    branch E18
T18: say "gt N1 I1: 1"
E18:
    gt_str P1, P2, T19
    say "gt_str: 0"
    branch E19
T19: say "gt_str: 1"
E19:
    gt_num P1, P2, T20
    say "gt_num: 0"
    branch E20
T20: say "gt_num: 1"
E20:
    ge I1, N1, T21
    say "ge I1 N1: 0"
    branch E21
T21: say "ge I1 N1: 1"
E21:
    ge N1, I1, T22
    say "ge N1 I1: 0"
    branch E22
T22: say "ge N1 I1: 1"
E22:
    ge_str P1, P2, T23
    say "ge_str: 0"
    branch E23
T23: say "ge_str: 1"
E23:
    ge_num P1, P2, T24
    say "ge_num: 0"
    branch E24
T24: say "ge_num: 1"
E24:
    iseq I0, 1.5, 2.5
    say I0
    iseq I0, "a", "b"
    say I0
    isne I0, 1.5, 2.5
    say I0
    isne I0, "a", "b"
    say I0
    islt I0, 1.5, 2.5
    say I0
    islt I0, "a", "b"
    say I0
    isle I0, 1.5, 2.5
    say I0
    isle I0, "a", "b"
    say I0
    isgt I0, 1.5, 2.5
    say I0
    isgt I0, "a", "b"
    say I0
    isge I0, 1.5, 2.5
    say I0
    isge I0, "a", "b"
    say I0
    end
