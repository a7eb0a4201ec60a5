# Floating point comparison within a tolerance of 0.000001, as macros: Kea's own version of the
# macros Parrot's runtime/parrot/include/fp_equality.pasm provides (same names, arguments and
# effect; written for Kea from their description).
#
#   .fp_eq(A, B, L)        branch to L when |B - A| is not above the tolerance
#   .fp_ne(A, B, L)        branch to L when |B - A| is not below it
#   .fp_eq_ok(A, B, DESC)  call Test::More's ok() with 1 or 0 and DESC
#   .fp_eq_pasm, .fp_ne_pasm   the same as fp_eq and fp_ne with PASM registers N10..N12
#
# The PIR forms use $N10..$N12 (and $I0 for fp_eq_ok); a NaN difference compares neither
# above nor below, so fp_eq and fp_ne both take their branch on it, as Parrot's do.

.macro fp_eq(A, B, L)
    set $N10, .A
    set $N11, .B
    sub $N12, $N11, $N10
    abs $N12, $N12
    gt $N12, 0.000001, .$differ
    branch .L
.label $differ:
.endm

.macro fp_eq_ok(A, B, DESC)
    set $N10, .A
    set $N11, .B
    sub $N12, $N11, $N10
    abs $N12, $N12
    set $I0, 0
    gt $N12, 0.000001, .$differ
    set $I0, 1
.label $differ:
    ok($I0, .DESC)
.endm

.macro fp_ne(A, B, L)
    set $N10, .A
    set $N11, .B
    sub $N12, $N11, $N10
    abs $N12, $N12
    lt $N12, 0.000001, .$close
    branch .L
.label $close:
.endm

.macro fp_eq_pasm(A, B, L)
    set N10, .A
    set N11, .B
    sub N12, N11, N10
    abs N12, N12
    gt N12, 0.000001, .$differ
    branch .L
.label $differ:
.endm

.macro fp_ne_pasm(A, B, L)
    set N10, .A
    set N11, .B
    sub N12, N11, N10
    abs N12, N12
    lt N12, 0.000001, .$close
    branch .L
.label $close:
.endm
