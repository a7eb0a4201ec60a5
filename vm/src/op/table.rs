//! The op table: every instruction Kea knows, one row each.
//!
//! Each row is `NUMBER full_name "mnemonic" family (operand: direction Kind, ...);` with a
//! one-line doc in register-transfer notation. `I(x)` names an I register, a bare name a constant
//! or label. The family names the file of the op's handler: `interp/<family>.rs::<full_name>`
//! (see `interp/dispatch.rs`).
//! Numbers are append-only: a new op takes the next free number, and reordering rows for
//! readability never changes a compiled program. Everything else (the `Op` enum, `Opcode`,
//! signatures, families, mnemonic lookup, verifier kinds, disassembler, `kea ops`) is projected
//! from this table by `for_each_op!` in `op/mod.rs`, and so is the interpreter's dispatch to
//! the handlers (`interp/dispatch.rs`).
//!
//! Operand kinds: `I N S P` registers; `Ic Nc Sc` constants; `Ix Nx Sx` a register or a constant
//! (used where an op is not hot enough to earn one row per combination); `L` a label; `K` a key
//! (`P0[1]`, `P0["a"; I2]`); `V` an argument list with its flags (PDD 3 ops).

/// Calls `$m!` with the whole table.
#[macro_export]
#[doc(hidden)]
macro_rules! for_each_op {
    ($m:ident) => {
        $m! {
            /// does nothing
            0x0000 noop "noop" control ();
            /// ends the task, from any sub (Parrot's `end` halts the run loop)
            0x0001 end "end" control ();
            /// throws the exit exception with status I(status); uncaught, the program exits with it
            0x0002 exit_i "exit" control (status: in I);
            /// throws the exit exception with status status; uncaught, the program exits with it
            0x0003 exit_ic "exit" control (status: in Ic);
            /// `pc := target` (a safe point)
            0x0004 branch_ic "branch" control (target: in L);
            /// `pc := I(target)`, an absolute address
            0x0005 jump_i "jump" control (target: in I);
            /// push the next pc on P(stack), then `pc := target`
            0x0006 local_branch_p_ic "local_branch" control (stack: in P, target: in L);
            /// `pc := pop(P(stack))`
            0x0007 local_return_p "local_return" control (stack: in P);
            /// if I(cond) is true, `pc := target`
            0x0008 if_i_ic "if" control (cond: in I, target: in L);
            /// if I(cond) is false, `pc := target`
            0x0009 unless_i_ic "unless" control (cond: in I, target: in L);
            /// if N(cond) is true, `pc := target`
            0x000a if_n_ic "if" control (cond: in N, target: in L);
            /// if N(cond) is false, `pc := target`
            0x000b unless_n_ic "unless" control (cond: in N, target: in L);
            /// if S(cond) is true, `pc := target`
            0x000c if_s_ic "if" control (cond: in S, target: in L);
            /// if S(cond) is false, `pc := target`
            0x000d unless_s_ic "unless" control (cond: in S, target: in L);
            /// if P(cond) is true, `pc := target`
            0x000e if_p_ic "if" control (cond: in P, target: in L);
            /// if P(cond) is false, `pc := target`
            0x000f unless_p_ic "unless" control (cond: in P, target: in L);
            /// if P(obj) is null, `pc := target`
            0x0010 if_null_p_ic "if_null" control (obj: in P, target: in L);
            /// unless P(obj) is null, `pc := target`
            0x0011 unless_null_p_ic "unless_null" control (obj: in P, target: in L);
            /// if `I(lhs) == I(rhs)`, `pc := target`
            0x0012 eq_i_i_ic "eq" cmp (lhs: in I, rhs: in I, target: in L);
            /// if `I(lhs) == rhs`, `pc := target`
            0x0013 eq_i_ic_ic "eq" cmp (lhs: in I, rhs: in Ic, target: in L);
            /// if `lhs == I(rhs)`, `pc := target`
            0x0014 eq_ic_i_ic "eq" cmp (lhs: in Ic, rhs: in I, target: in L);
            /// if `N(lhs) == N(rhs)`, `pc := target`
            0x0015 eq_n_n_ic "eq" cmp (lhs: in N, rhs: in N, target: in L);
            /// if `N(lhs) == rhs`, `pc := target`
            0x0016 eq_n_nc_ic "eq" cmp (lhs: in N, rhs: in Nc, target: in L);
            /// if `lhs == N(rhs)`, `pc := target`
            0x0017 eq_nc_n_ic "eq" cmp (lhs: in Nc, rhs: in N, target: in L);
            /// if `S(lhs) == S(rhs)`, `pc := target`
            0x0018 eq_s_s_ic "eq" cmp (lhs: in S, rhs: in S, target: in L);
            /// if `S(lhs) == rhs`, `pc := target`
            0x0019 eq_s_sc_ic "eq" cmp (lhs: in S, rhs: in Sc, target: in L);
            /// if `lhs == S(rhs)`, `pc := target`
            0x001a eq_sc_s_ic "eq" cmp (lhs: in Sc, rhs: in S, target: in L);
            /// if `P(lhs) == P(rhs)`, `pc := target`
            0x001b eq_p_p_ic "eq" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `P(lhs) == I(rhs)`, `pc := target`
            0x001c eq_p_i_ic "eq" cmp (lhs: in P, rhs: in I, target: in L);
            /// if `P(lhs) == rhs`, `pc := target`
            0x001d eq_p_ic_ic "eq" cmp (lhs: in P, rhs: in Ic, target: in L);
            /// if `P(lhs) == N(rhs)`, `pc := target`
            0x001e eq_p_n_ic "eq" cmp (lhs: in P, rhs: in N, target: in L);
            /// if `P(lhs) == rhs`, `pc := target`
            0x001f eq_p_nc_ic "eq" cmp (lhs: in P, rhs: in Nc, target: in L);
            /// if `P(lhs) == S(rhs)`, `pc := target`
            0x0020 eq_p_s_ic "eq" cmp (lhs: in P, rhs: in S, target: in L);
            /// if `P(lhs) == rhs`, `pc := target`
            0x0021 eq_p_sc_ic "eq" cmp (lhs: in P, rhs: in Sc, target: in L);
            /// if `I(lhs) != I(rhs)`, `pc := target`
            0x0022 ne_i_i_ic "ne" cmp (lhs: in I, rhs: in I, target: in L);
            /// if `I(lhs) != rhs`, `pc := target`
            0x0023 ne_i_ic_ic "ne" cmp (lhs: in I, rhs: in Ic, target: in L);
            /// if `lhs != I(rhs)`, `pc := target`
            0x0024 ne_ic_i_ic "ne" cmp (lhs: in Ic, rhs: in I, target: in L);
            /// if `N(lhs) != N(rhs)`, `pc := target`
            0x0025 ne_n_n_ic "ne" cmp (lhs: in N, rhs: in N, target: in L);
            /// if `N(lhs) != rhs`, `pc := target`
            0x0026 ne_n_nc_ic "ne" cmp (lhs: in N, rhs: in Nc, target: in L);
            /// if `lhs != N(rhs)`, `pc := target`
            0x0027 ne_nc_n_ic "ne" cmp (lhs: in Nc, rhs: in N, target: in L);
            /// if `S(lhs) != S(rhs)`, `pc := target`
            0x0028 ne_s_s_ic "ne" cmp (lhs: in S, rhs: in S, target: in L);
            /// if `S(lhs) != rhs`, `pc := target`
            0x0029 ne_s_sc_ic "ne" cmp (lhs: in S, rhs: in Sc, target: in L);
            /// if `lhs != S(rhs)`, `pc := target`
            0x002a ne_sc_s_ic "ne" cmp (lhs: in Sc, rhs: in S, target: in L);
            /// if `P(lhs) != P(rhs)`, `pc := target`
            0x002b ne_p_p_ic "ne" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `P(lhs) != I(rhs)`, `pc := target`
            0x002c ne_p_i_ic "ne" cmp (lhs: in P, rhs: in I, target: in L);
            /// if `P(lhs) != rhs`, `pc := target`
            0x002d ne_p_ic_ic "ne" cmp (lhs: in P, rhs: in Ic, target: in L);
            /// if `P(lhs) != N(rhs)`, `pc := target`
            0x002e ne_p_n_ic "ne" cmp (lhs: in P, rhs: in N, target: in L);
            /// if `P(lhs) != rhs`, `pc := target`
            0x002f ne_p_nc_ic "ne" cmp (lhs: in P, rhs: in Nc, target: in L);
            /// if `P(lhs) != S(rhs)`, `pc := target`
            0x0030 ne_p_s_ic "ne" cmp (lhs: in P, rhs: in S, target: in L);
            /// if `P(lhs) != rhs`, `pc := target`
            0x0031 ne_p_sc_ic "ne" cmp (lhs: in P, rhs: in Sc, target: in L);
            /// if `I(lhs) < I(rhs)`, `pc := target`
            0x0032 lt_i_i_ic "lt" cmp (lhs: in I, rhs: in I, target: in L);
            /// if `I(lhs) < rhs`, `pc := target`
            0x0033 lt_i_ic_ic "lt" cmp (lhs: in I, rhs: in Ic, target: in L);
            /// if `lhs < I(rhs)`, `pc := target`
            0x0034 lt_ic_i_ic "lt" cmp (lhs: in Ic, rhs: in I, target: in L);
            /// if `N(lhs) < N(rhs)`, `pc := target`
            0x0035 lt_n_n_ic "lt" cmp (lhs: in N, rhs: in N, target: in L);
            /// if `N(lhs) < rhs`, `pc := target`
            0x0036 lt_n_nc_ic "lt" cmp (lhs: in N, rhs: in Nc, target: in L);
            /// if `lhs < N(rhs)`, `pc := target`
            0x0037 lt_nc_n_ic "lt" cmp (lhs: in Nc, rhs: in N, target: in L);
            /// if `S(lhs) < S(rhs)`, `pc := target`
            0x0038 lt_s_s_ic "lt" cmp (lhs: in S, rhs: in S, target: in L);
            /// if `S(lhs) < rhs`, `pc := target`
            0x0039 lt_s_sc_ic "lt" cmp (lhs: in S, rhs: in Sc, target: in L);
            /// if `lhs < S(rhs)`, `pc := target`
            0x003a lt_sc_s_ic "lt" cmp (lhs: in Sc, rhs: in S, target: in L);
            /// if `P(lhs) < P(rhs)`, `pc := target`
            0x003b lt_p_p_ic "lt" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `P(lhs) < I(rhs)`, `pc := target`
            0x003c lt_p_i_ic "lt" cmp (lhs: in P, rhs: in I, target: in L);
            /// if `P(lhs) < rhs`, `pc := target`
            0x003d lt_p_ic_ic "lt" cmp (lhs: in P, rhs: in Ic, target: in L);
            /// if `P(lhs) < N(rhs)`, `pc := target`
            0x003e lt_p_n_ic "lt" cmp (lhs: in P, rhs: in N, target: in L);
            /// if `P(lhs) < rhs`, `pc := target`
            0x003f lt_p_nc_ic "lt" cmp (lhs: in P, rhs: in Nc, target: in L);
            /// if `P(lhs) < S(rhs)`, `pc := target`
            0x0040 lt_p_s_ic "lt" cmp (lhs: in P, rhs: in S, target: in L);
            /// if `P(lhs) < rhs`, `pc := target`
            0x0041 lt_p_sc_ic "lt" cmp (lhs: in P, rhs: in Sc, target: in L);
            /// if `I(lhs) <= I(rhs)`, `pc := target`
            0x0042 le_i_i_ic "le" cmp (lhs: in I, rhs: in I, target: in L);
            /// if `I(lhs) <= rhs`, `pc := target`
            0x0043 le_i_ic_ic "le" cmp (lhs: in I, rhs: in Ic, target: in L);
            /// if `lhs <= I(rhs)`, `pc := target`
            0x0044 le_ic_i_ic "le" cmp (lhs: in Ic, rhs: in I, target: in L);
            /// if `N(lhs) <= N(rhs)`, `pc := target`
            0x0045 le_n_n_ic "le" cmp (lhs: in N, rhs: in N, target: in L);
            /// if `N(lhs) <= rhs`, `pc := target`
            0x0046 le_n_nc_ic "le" cmp (lhs: in N, rhs: in Nc, target: in L);
            /// if `lhs <= N(rhs)`, `pc := target`
            0x0047 le_nc_n_ic "le" cmp (lhs: in Nc, rhs: in N, target: in L);
            /// if `S(lhs) <= S(rhs)`, `pc := target`
            0x0048 le_s_s_ic "le" cmp (lhs: in S, rhs: in S, target: in L);
            /// if `S(lhs) <= rhs`, `pc := target`
            0x0049 le_s_sc_ic "le" cmp (lhs: in S, rhs: in Sc, target: in L);
            /// if `lhs <= S(rhs)`, `pc := target`
            0x004a le_sc_s_ic "le" cmp (lhs: in Sc, rhs: in S, target: in L);
            /// if `P(lhs) <= P(rhs)`, `pc := target`
            0x004b le_p_p_ic "le" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `P(lhs) <= I(rhs)`, `pc := target`
            0x004c le_p_i_ic "le" cmp (lhs: in P, rhs: in I, target: in L);
            /// if `P(lhs) <= rhs`, `pc := target`
            0x004d le_p_ic_ic "le" cmp (lhs: in P, rhs: in Ic, target: in L);
            /// if `P(lhs) <= N(rhs)`, `pc := target`
            0x004e le_p_n_ic "le" cmp (lhs: in P, rhs: in N, target: in L);
            /// if `P(lhs) <= rhs`, `pc := target`
            0x004f le_p_nc_ic "le" cmp (lhs: in P, rhs: in Nc, target: in L);
            /// if `P(lhs) <= S(rhs)`, `pc := target`
            0x0050 le_p_s_ic "le" cmp (lhs: in P, rhs: in S, target: in L);
            /// if `P(lhs) <= rhs`, `pc := target`
            0x0051 le_p_sc_ic "le" cmp (lhs: in P, rhs: in Sc, target: in L);
            /// if `I(lhs) > I(rhs)`, `pc := target`
            0x0052 gt_i_i_ic "gt" cmp (lhs: in I, rhs: in I, target: in L);
            /// if `I(lhs) > rhs`, `pc := target`
            0x0053 gt_i_ic_ic "gt" cmp (lhs: in I, rhs: in Ic, target: in L);
            /// if `lhs > I(rhs)`, `pc := target`
            0x0054 gt_ic_i_ic "gt" cmp (lhs: in Ic, rhs: in I, target: in L);
            /// if `N(lhs) > N(rhs)`, `pc := target`
            0x0055 gt_n_n_ic "gt" cmp (lhs: in N, rhs: in N, target: in L);
            /// if `N(lhs) > rhs`, `pc := target`
            0x0056 gt_n_nc_ic "gt" cmp (lhs: in N, rhs: in Nc, target: in L);
            /// if `lhs > N(rhs)`, `pc := target`
            0x0057 gt_nc_n_ic "gt" cmp (lhs: in Nc, rhs: in N, target: in L);
            /// if `S(lhs) > S(rhs)`, `pc := target`
            0x0058 gt_s_s_ic "gt" cmp (lhs: in S, rhs: in S, target: in L);
            /// if `S(lhs) > rhs`, `pc := target`
            0x0059 gt_s_sc_ic "gt" cmp (lhs: in S, rhs: in Sc, target: in L);
            /// if `lhs > S(rhs)`, `pc := target`
            0x005a gt_sc_s_ic "gt" cmp (lhs: in Sc, rhs: in S, target: in L);
            /// if `P(lhs) > P(rhs)`, `pc := target`
            0x005b gt_p_p_ic "gt" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `P(lhs) > I(rhs)`, `pc := target`
            0x005c gt_p_i_ic "gt" cmp (lhs: in P, rhs: in I, target: in L);
            /// if `P(lhs) > rhs`, `pc := target`
            0x005d gt_p_ic_ic "gt" cmp (lhs: in P, rhs: in Ic, target: in L);
            /// if `P(lhs) > N(rhs)`, `pc := target`
            0x005e gt_p_n_ic "gt" cmp (lhs: in P, rhs: in N, target: in L);
            /// if `P(lhs) > rhs`, `pc := target`
            0x005f gt_p_nc_ic "gt" cmp (lhs: in P, rhs: in Nc, target: in L);
            /// if `P(lhs) > S(rhs)`, `pc := target`
            0x0060 gt_p_s_ic "gt" cmp (lhs: in P, rhs: in S, target: in L);
            /// if `P(lhs) > rhs`, `pc := target`
            0x0061 gt_p_sc_ic "gt" cmp (lhs: in P, rhs: in Sc, target: in L);
            /// if `I(lhs) >= I(rhs)`, `pc := target`
            0x0062 ge_i_i_ic "ge" cmp (lhs: in I, rhs: in I, target: in L);
            /// if `I(lhs) >= rhs`, `pc := target`
            0x0063 ge_i_ic_ic "ge" cmp (lhs: in I, rhs: in Ic, target: in L);
            /// if `lhs >= I(rhs)`, `pc := target`
            0x0064 ge_ic_i_ic "ge" cmp (lhs: in Ic, rhs: in I, target: in L);
            /// if `N(lhs) >= N(rhs)`, `pc := target`
            0x0065 ge_n_n_ic "ge" cmp (lhs: in N, rhs: in N, target: in L);
            /// if `N(lhs) >= rhs`, `pc := target`
            0x0066 ge_n_nc_ic "ge" cmp (lhs: in N, rhs: in Nc, target: in L);
            /// if `lhs >= N(rhs)`, `pc := target`
            0x0067 ge_nc_n_ic "ge" cmp (lhs: in Nc, rhs: in N, target: in L);
            /// if `S(lhs) >= S(rhs)`, `pc := target`
            0x0068 ge_s_s_ic "ge" cmp (lhs: in S, rhs: in S, target: in L);
            /// if `S(lhs) >= rhs`, `pc := target`
            0x0069 ge_s_sc_ic "ge" cmp (lhs: in S, rhs: in Sc, target: in L);
            /// if `lhs >= S(rhs)`, `pc := target`
            0x006a ge_sc_s_ic "ge" cmp (lhs: in Sc, rhs: in S, target: in L);
            /// if `P(lhs) >= P(rhs)`, `pc := target`
            0x006b ge_p_p_ic "ge" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `P(lhs) >= I(rhs)`, `pc := target`
            0x006c ge_p_i_ic "ge" cmp (lhs: in P, rhs: in I, target: in L);
            /// if `P(lhs) >= rhs`, `pc := target`
            0x006d ge_p_ic_ic "ge" cmp (lhs: in P, rhs: in Ic, target: in L);
            /// if `P(lhs) >= N(rhs)`, `pc := target`
            0x006e ge_p_n_ic "ge" cmp (lhs: in P, rhs: in N, target: in L);
            /// if `P(lhs) >= rhs`, `pc := target`
            0x006f ge_p_nc_ic "ge" cmp (lhs: in P, rhs: in Nc, target: in L);
            /// if `P(lhs) >= S(rhs)`, `pc := target`
            0x0070 ge_p_s_ic "ge" cmp (lhs: in P, rhs: in S, target: in L);
            /// if `P(lhs) >= rhs`, `pc := target`
            0x0071 ge_p_sc_ic "ge" cmp (lhs: in P, rhs: in Sc, target: in L);
            /// if P(lhs) and P(rhs) are the same object, `pc := target`
            0x0072 eq_addr_p_p_ic "eq_addr" cmp (lhs: in P, rhs: in P, target: in L);
            /// if P(lhs) and P(rhs) are different objects, `pc := target`
            0x0073 ne_addr_p_p_ic "ne_addr" cmp (lhs: in P, rhs: in P, target: in L);
            /// `I(dst) := I(lhs) == I(rhs) ? 1 : 0`
            0x0074 iseq_i_i_i "iseq" cmp (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) == rhs ? 1 : 0`
            0x0075 iseq_i_i_ic "iseq" cmp (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs == I(rhs) ? 1 : 0`
            0x0076 iseq_i_ic_i "iseq" cmp (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := N(lhs) == N(rhs) ? 1 : 0`
            0x0077 iseq_i_n_n "iseq" cmp (dst: out I, lhs: in N, rhs: in N);
            /// `I(dst) := N(lhs) == rhs ? 1 : 0`
            0x0078 iseq_i_n_nc "iseq" cmp (dst: out I, lhs: in N, rhs: in Nc);
            /// `I(dst) := lhs == N(rhs) ? 1 : 0`
            0x0079 iseq_i_nc_n "iseq" cmp (dst: out I, lhs: in Nc, rhs: in N);
            /// `I(dst) := S(lhs) == S(rhs) ? 1 : 0`
            0x007a iseq_i_s_s "iseq" cmp (dst: out I, lhs: in S, rhs: in S);
            /// `I(dst) := S(lhs) == rhs ? 1 : 0`
            0x007b iseq_i_s_sc "iseq" cmp (dst: out I, lhs: in S, rhs: in Sc);
            /// `I(dst) := lhs == S(rhs) ? 1 : 0`
            0x007c iseq_i_sc_s "iseq" cmp (dst: out I, lhs: in Sc, rhs: in S);
            /// `I(dst) := P(lhs) == P(rhs) ? 1 : 0`
            0x007d iseq_i_p_p "iseq" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := I(lhs) != I(rhs) ? 1 : 0`
            0x007e isne_i_i_i "isne" cmp (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) != rhs ? 1 : 0`
            0x007f isne_i_i_ic "isne" cmp (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs != I(rhs) ? 1 : 0`
            0x0080 isne_i_ic_i "isne" cmp (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := N(lhs) != N(rhs) ? 1 : 0`
            0x0081 isne_i_n_n "isne" cmp (dst: out I, lhs: in N, rhs: in N);
            /// `I(dst) := N(lhs) != rhs ? 1 : 0`
            0x0082 isne_i_n_nc "isne" cmp (dst: out I, lhs: in N, rhs: in Nc);
            /// `I(dst) := lhs != N(rhs) ? 1 : 0`
            0x0083 isne_i_nc_n "isne" cmp (dst: out I, lhs: in Nc, rhs: in N);
            /// `I(dst) := S(lhs) != S(rhs) ? 1 : 0`
            0x0084 isne_i_s_s "isne" cmp (dst: out I, lhs: in S, rhs: in S);
            /// `I(dst) := S(lhs) != rhs ? 1 : 0`
            0x0085 isne_i_s_sc "isne" cmp (dst: out I, lhs: in S, rhs: in Sc);
            /// `I(dst) := lhs != S(rhs) ? 1 : 0`
            0x0086 isne_i_sc_s "isne" cmp (dst: out I, lhs: in Sc, rhs: in S);
            /// `I(dst) := P(lhs) != P(rhs) ? 1 : 0`
            0x0087 isne_i_p_p "isne" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := I(lhs) < I(rhs) ? 1 : 0`
            0x0088 islt_i_i_i "islt" cmp (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) < rhs ? 1 : 0`
            0x0089 islt_i_i_ic "islt" cmp (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs < I(rhs) ? 1 : 0`
            0x008a islt_i_ic_i "islt" cmp (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := N(lhs) < N(rhs) ? 1 : 0`
            0x008b islt_i_n_n "islt" cmp (dst: out I, lhs: in N, rhs: in N);
            /// `I(dst) := N(lhs) < rhs ? 1 : 0`
            0x008c islt_i_n_nc "islt" cmp (dst: out I, lhs: in N, rhs: in Nc);
            /// `I(dst) := lhs < N(rhs) ? 1 : 0`
            0x008d islt_i_nc_n "islt" cmp (dst: out I, lhs: in Nc, rhs: in N);
            /// `I(dst) := S(lhs) < S(rhs) ? 1 : 0`
            0x008e islt_i_s_s "islt" cmp (dst: out I, lhs: in S, rhs: in S);
            /// `I(dst) := S(lhs) < rhs ? 1 : 0`
            0x008f islt_i_s_sc "islt" cmp (dst: out I, lhs: in S, rhs: in Sc);
            /// `I(dst) := lhs < S(rhs) ? 1 : 0`
            0x0090 islt_i_sc_s "islt" cmp (dst: out I, lhs: in Sc, rhs: in S);
            /// `I(dst) := P(lhs) < P(rhs) ? 1 : 0`
            0x0091 islt_i_p_p "islt" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := I(lhs) <= I(rhs) ? 1 : 0`
            0x0092 isle_i_i_i "isle" cmp (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) <= rhs ? 1 : 0`
            0x0093 isle_i_i_ic "isle" cmp (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs <= I(rhs) ? 1 : 0`
            0x0094 isle_i_ic_i "isle" cmp (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := N(lhs) <= N(rhs) ? 1 : 0`
            0x0095 isle_i_n_n "isle" cmp (dst: out I, lhs: in N, rhs: in N);
            /// `I(dst) := N(lhs) <= rhs ? 1 : 0`
            0x0096 isle_i_n_nc "isle" cmp (dst: out I, lhs: in N, rhs: in Nc);
            /// `I(dst) := lhs <= N(rhs) ? 1 : 0`
            0x0097 isle_i_nc_n "isle" cmp (dst: out I, lhs: in Nc, rhs: in N);
            /// `I(dst) := S(lhs) <= S(rhs) ? 1 : 0`
            0x0098 isle_i_s_s "isle" cmp (dst: out I, lhs: in S, rhs: in S);
            /// `I(dst) := S(lhs) <= rhs ? 1 : 0`
            0x0099 isle_i_s_sc "isle" cmp (dst: out I, lhs: in S, rhs: in Sc);
            /// `I(dst) := lhs <= S(rhs) ? 1 : 0`
            0x009a isle_i_sc_s "isle" cmp (dst: out I, lhs: in Sc, rhs: in S);
            /// `I(dst) := P(lhs) <= P(rhs) ? 1 : 0`
            0x009b isle_i_p_p "isle" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := I(lhs) > I(rhs) ? 1 : 0`
            0x009c isgt_i_i_i "isgt" cmp (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) > rhs ? 1 : 0`
            0x009d isgt_i_i_ic "isgt" cmp (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs > I(rhs) ? 1 : 0`
            0x009e isgt_i_ic_i "isgt" cmp (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := N(lhs) > N(rhs) ? 1 : 0`
            0x009f isgt_i_n_n "isgt" cmp (dst: out I, lhs: in N, rhs: in N);
            /// `I(dst) := N(lhs) > rhs ? 1 : 0`
            0x00a0 isgt_i_n_nc "isgt" cmp (dst: out I, lhs: in N, rhs: in Nc);
            /// `I(dst) := lhs > N(rhs) ? 1 : 0`
            0x00a1 isgt_i_nc_n "isgt" cmp (dst: out I, lhs: in Nc, rhs: in N);
            /// `I(dst) := S(lhs) > S(rhs) ? 1 : 0`
            0x00a2 isgt_i_s_s "isgt" cmp (dst: out I, lhs: in S, rhs: in S);
            /// `I(dst) := S(lhs) > rhs ? 1 : 0`
            0x00a3 isgt_i_s_sc "isgt" cmp (dst: out I, lhs: in S, rhs: in Sc);
            /// `I(dst) := lhs > S(rhs) ? 1 : 0`
            0x00a4 isgt_i_sc_s "isgt" cmp (dst: out I, lhs: in Sc, rhs: in S);
            /// `I(dst) := P(lhs) > P(rhs) ? 1 : 0`
            0x00a5 isgt_i_p_p "isgt" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := I(lhs) >= I(rhs) ? 1 : 0`
            0x00a6 isge_i_i_i "isge" cmp (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) >= rhs ? 1 : 0`
            0x00a7 isge_i_i_ic "isge" cmp (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs >= I(rhs) ? 1 : 0`
            0x00a8 isge_i_ic_i "isge" cmp (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := N(lhs) >= N(rhs) ? 1 : 0`
            0x00a9 isge_i_n_n "isge" cmp (dst: out I, lhs: in N, rhs: in N);
            /// `I(dst) := N(lhs) >= rhs ? 1 : 0`
            0x00aa isge_i_n_nc "isge" cmp (dst: out I, lhs: in N, rhs: in Nc);
            /// `I(dst) := lhs >= N(rhs) ? 1 : 0`
            0x00ab isge_i_nc_n "isge" cmp (dst: out I, lhs: in Nc, rhs: in N);
            /// `I(dst) := S(lhs) >= S(rhs) ? 1 : 0`
            0x00ac isge_i_s_s "isge" cmp (dst: out I, lhs: in S, rhs: in S);
            /// `I(dst) := S(lhs) >= rhs ? 1 : 0`
            0x00ad isge_i_s_sc "isge" cmp (dst: out I, lhs: in S, rhs: in Sc);
            /// `I(dst) := lhs >= S(rhs) ? 1 : 0`
            0x00ae isge_i_sc_s "isge" cmp (dst: out I, lhs: in Sc, rhs: in S);
            /// `I(dst) := P(lhs) >= P(rhs) ? 1 : 0`
            0x00af isge_i_p_p "isge" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := -1, 0 or 1` as I(lhs) is less than, equal to or greater than I(rhs)
            0x00b0 cmp_i_i_i "cmp" cmp (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := -1, 0 or 1` as I(lhs) is less than, equal to or greater than rhs
            0x00b1 cmp_i_i_ic "cmp" cmp (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := -1, 0 or 1` as lhs is less than, equal to or greater than I(rhs)
            0x00b2 cmp_i_ic_i "cmp" cmp (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := -1, 0 or 1` as N(lhs) is less than, equal to or greater than N(rhs)
            0x00b3 cmp_i_n_n "cmp" cmp (dst: out I, lhs: in N, rhs: in N);
            /// `I(dst) := -1, 0 or 1` as N(lhs) is less than, equal to or greater than rhs
            0x00b4 cmp_i_n_nc "cmp" cmp (dst: out I, lhs: in N, rhs: in Nc);
            /// `I(dst) := -1, 0 or 1` as lhs is less than, equal to or greater than N(rhs)
            0x00b5 cmp_i_nc_n "cmp" cmp (dst: out I, lhs: in Nc, rhs: in N);
            /// `I(dst) := -1, 0 or 1` as S(lhs) is less than, equal to or greater than S(rhs)
            0x00b6 cmp_i_s_s "cmp" cmp (dst: out I, lhs: in S, rhs: in S);
            /// `I(dst) := -1, 0 or 1` as S(lhs) is less than, equal to or greater than rhs
            0x00b7 cmp_i_s_sc "cmp" cmp (dst: out I, lhs: in S, rhs: in Sc);
            /// `I(dst) := -1, 0 or 1` as lhs is less than, equal to or greater than S(rhs)
            0x00b8 cmp_i_sc_s "cmp" cmp (dst: out I, lhs: in Sc, rhs: in S);
            /// `I(dst) := -1, 0 or 1` as P(lhs) is less than, equal to or greater than P(rhs)
            0x00b9 cmp_i_p_p "cmp" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := 1` if P(lhs) and P(rhs) are the same object, else 0
            0x00ba issame_i_p_p "issame" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := 1` if P(src) is null, else 0
            0x00bb isnull_i_p "isnull" cmp (dst: out I, src: in P);
            /// `I(dst) := 1` if S(src) is the null string, else 0
            0x00bc isnull_i_s "isnull" cmp (dst: out I, src: in S);
            /// `I(dst) := I(src)`
            0x00bd set_i_i "set" arith (dst: out I, src: in I);
            /// `I(dst) := src`
            0x00be set_i_ic "set" arith (dst: out I, src: in Ic);
            /// `I(dst) := N(src)`, converted
            0x00bf set_i_n "set" arith (dst: out I, src: in N);
            /// `I(dst) := src`, converted
            0x00c0 set_i_nc "set" arith (dst: out I, src: in Nc);
            /// `I(dst) := S(src)`, converted
            0x00c1 set_i_s "set" arith (dst: out I, src: in S);
            /// `I(dst) := src`, converted
            0x00c2 set_i_sc "set" arith (dst: out I, src: in Sc);
            /// `I(dst) := P(src)`, converted
            0x00c3 set_i_p "set" arith (dst: out I, src: in P);
            /// `N(dst) := I(src)`, converted
            0x00c4 set_n_i "set" arith (dst: out N, src: in I);
            /// `N(dst) := src`, converted
            0x00c5 set_n_ic "set" arith (dst: out N, src: in Ic);
            /// `N(dst) := N(src)`
            0x00c6 set_n_n "set" arith (dst: out N, src: in N);
            /// `N(dst) := src`
            0x00c7 set_n_nc "set" arith (dst: out N, src: in Nc);
            /// `N(dst) := S(src)`, converted
            0x00c8 set_n_s "set" arith (dst: out N, src: in S);
            /// `N(dst) := src`, converted
            0x00c9 set_n_sc "set" arith (dst: out N, src: in Sc);
            /// `N(dst) := P(src)`, converted
            0x00ca set_n_p "set" arith (dst: out N, src: in P);
            /// `S(dst) := I(src)`, converted
            0x00cb set_s_i "set" arith (dst: out S, src: in I);
            /// `S(dst) := src`, converted
            0x00cc set_s_ic "set" arith (dst: out S, src: in Ic);
            /// `S(dst) := N(src)`, converted
            0x00cd set_s_n "set" arith (dst: out S, src: in N);
            /// `S(dst) := src`, converted
            0x00ce set_s_nc "set" arith (dst: out S, src: in Nc);
            /// `S(dst) := S(src)`
            0x00cf set_s_s "set" arith (dst: out S, src: in S);
            /// `S(dst) := src`
            0x00d0 set_s_sc "set" arith (dst: out S, src: in Sc);
            /// `S(dst) := P(src)`, converted
            0x00d1 set_s_p "set" arith (dst: out S, src: in P);
            /// `P(dst) := P(src)` (the same object: an alias)
            0x00d2 set_p_p "set" arith (dst: out P, src: in P);
            /// assigns I(src) to the PMC in P(dst) (its set_*_native)
            0x00d3 set_p_i "set" arith (dst: inout P, src: in I);
            /// assigns src to the PMC in P(dst) (its set_*_native)
            0x00d4 set_p_ic "set" arith (dst: inout P, src: in Ic);
            /// assigns N(src) to the PMC in P(dst) (its set_*_native)
            0x00d5 set_p_n "set" arith (dst: inout P, src: in N);
            /// assigns src to the PMC in P(dst) (its set_*_native)
            0x00d6 set_p_nc "set" arith (dst: inout P, src: in Nc);
            /// assigns S(src) to the PMC in P(dst) (its set_*_native)
            0x00d7 set_p_s "set" arith (dst: inout P, src: in S);
            /// assigns src to the PMC in P(dst) (its set_*_native)
            0x00d8 set_p_sc "set" arith (dst: inout P, src: in Sc);
            /// `P(obj)[K(key)] := I(src)`
            0x00d9 set_p_k_i "set" pmcops (obj: in P, key: in K, src: in I);
            /// `P(obj)[K(key)] := src`
            0x00da set_p_k_ic "set" pmcops (obj: in P, key: in K, src: in Ic);
            /// `P(obj)[K(key)] := N(src)`
            0x00db set_p_k_n "set" pmcops (obj: in P, key: in K, src: in N);
            /// `P(obj)[K(key)] := src`
            0x00dc set_p_k_nc "set" pmcops (obj: in P, key: in K, src: in Nc);
            /// `P(obj)[K(key)] := S(src)`
            0x00dd set_p_k_s "set" pmcops (obj: in P, key: in K, src: in S);
            /// `P(obj)[K(key)] := src`
            0x00de set_p_k_sc "set" pmcops (obj: in P, key: in K, src: in Sc);
            /// `P(obj)[K(key)] := P(src)`
            0x00df set_p_k_p "set" pmcops (obj: in P, key: in K, src: in P);
            /// `I(dst) := P(obj)[K(key)]`
            0x00e0 set_i_p_k "set" pmcops (dst: out I, obj: in P, key: in K);
            /// `N(dst) := P(obj)[K(key)]`
            0x00e1 set_n_p_k "set" pmcops (dst: out N, obj: in P, key: in K);
            /// `S(dst) := P(obj)[K(key)]`
            0x00e2 set_s_p_k "set" pmcops (dst: out S, obj: in P, key: in K);
            /// `P(dst) := P(obj)[K(key)]`
            0x00e3 set_p_p_k "set" pmcops (dst: out P, obj: in P, key: in K);
            /// copies the value of P(src) into the existing PMC P(dst)
            0x00e4 assign_p_p "assign" pmcops (dst: in P, src: in P);
            /// copies the value of I(src) into the existing PMC P(dst)
            0x00e5 assign_p_i "assign" pmcops (dst: in P, src: in I);
            /// copies the value of src into the existing PMC P(dst)
            0x00e6 assign_p_ic "assign" pmcops (dst: in P, src: in Ic);
            /// copies the value of N(src) into the existing PMC P(dst)
            0x00e7 assign_p_n "assign" pmcops (dst: in P, src: in N);
            /// copies the value of src into the existing PMC P(dst)
            0x00e8 assign_p_nc "assign" pmcops (dst: in P, src: in Nc);
            /// copies the value of S(src) into the existing PMC P(dst)
            0x00e9 assign_p_s "assign" pmcops (dst: in P, src: in S);
            /// copies the value of src into the existing PMC P(dst)
            0x00ea assign_p_sc "assign" pmcops (dst: in P, src: in Sc);
            /// `S(dst) := S(src)`
            0x00eb assign_s_s "assign" string (dst: out S, src: in S);
            /// `P(dst) := ` a copy of P(src)
            0x00ec clone_p_p "clone" pmcops (dst: out P, src: in P);
            /// `S(dst) := S(src)` (strings are immutable)
            0x00ed clone_s_s "clone" string (dst: out S, src: in S);
            /// `I(dst) := ` 0, 0.0, the null string or the null PMC
            0x00ee null_i "null" arith (dst: out I);
            /// `N(dst) := ` 0, 0.0, the null string or the null PMC
            0x00ef null_n "null" arith (dst: out N);
            /// `S(dst) := ` 0, 0.0, the null string or the null PMC
            0x00f0 null_s "null" arith (dst: out S);
            /// `P(dst) := ` 0, 0.0, the null string or the null PMC
            0x00f1 null_p "null" arith (dst: out P);
            /// `I(dst) := I(dst) + I(rhs)`
            0x00f2 add_i_i "add" arith (dst: inout I, rhs: in I);
            /// `I(dst) := I(dst) + rhs`
            0x00f3 add_i_ic "add" arith (dst: inout I, rhs: in Ic);
            /// `N(dst) := N(dst) + N(rhs)`
            0x00f4 add_n_n "add" arith (dst: inout N, rhs: in N);
            /// `N(dst) := N(dst) + rhs`
            0x00f5 add_n_nc "add" arith (dst: inout N, rhs: in Nc);
            /// `I(dst) := I(lhs) + I(rhs)`
            0x00f6 add_i_i_i "add" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) + rhs`
            0x00f7 add_i_i_ic "add" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs + I(rhs)`
            0x00f8 add_i_ic_i "add" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `N(dst) := N(lhs) + N(rhs)`
            0x00f9 add_n_n_n "add" arith (dst: out N, lhs: in N, rhs: in N);
            /// `N(dst) := N(lhs) + rhs`
            0x00fa add_n_n_nc "add" arith (dst: out N, lhs: in N, rhs: in Nc);
            /// `N(dst) := lhs + N(rhs)`
            0x00fb add_n_nc_n "add" arith (dst: out N, lhs: in Nc, rhs: in N);
            /// `P(dst) := P(lhs) + P(rhs)`, a new PMC
            0x00fc add_p_p_p "add" arith (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := P(lhs) + I(rhs)`, a new PMC
            0x00fd add_p_p_i "add" arith (dst: out P, lhs: in P, rhs: in I);
            /// `P(dst) := P(lhs) + rhs`, a new PMC
            0x00fe add_p_p_ic "add" arith (dst: out P, lhs: in P, rhs: in Ic);
            /// `P(dst) := P(lhs) + N(rhs)`, a new PMC
            0x00ff add_p_p_n "add" arith (dst: out P, lhs: in P, rhs: in N);
            /// `P(dst) := P(lhs) + rhs`, a new PMC
            0x0100 add_p_p_nc "add" arith (dst: out P, lhs: in P, rhs: in Nc);
            /// `P(dst) := P(dst) + P(rhs)`, in place
            0x0101 add_p_p "add" arith (dst: inout P, rhs: in P);
            /// `P(dst) := P(dst) + I(rhs)`, in place
            0x0102 add_p_i "add" arith (dst: inout P, rhs: in I);
            /// `P(dst) := P(dst) + rhs`, in place
            0x0103 add_p_ic "add" arith (dst: inout P, rhs: in Ic);
            /// `P(dst) := P(dst) + N(rhs)`, in place
            0x0104 add_p_n "add" arith (dst: inout P, rhs: in N);
            /// `P(dst) := P(dst) + rhs`, in place
            0x0105 add_p_nc "add" arith (dst: inout P, rhs: in Nc);
            /// `I(dst) := I(dst) - I(rhs)`
            0x0106 sub_i_i "sub" arith (dst: inout I, rhs: in I);
            /// `I(dst) := I(dst) - rhs`
            0x0107 sub_i_ic "sub" arith (dst: inout I, rhs: in Ic);
            /// `N(dst) := N(dst) - N(rhs)`
            0x0108 sub_n_n "sub" arith (dst: inout N, rhs: in N);
            /// `N(dst) := N(dst) - rhs`
            0x0109 sub_n_nc "sub" arith (dst: inout N, rhs: in Nc);
            /// `I(dst) := I(lhs) - I(rhs)`
            0x010a sub_i_i_i "sub" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) - rhs`
            0x010b sub_i_i_ic "sub" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs - I(rhs)`
            0x010c sub_i_ic_i "sub" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `N(dst) := N(lhs) - N(rhs)`
            0x010d sub_n_n_n "sub" arith (dst: out N, lhs: in N, rhs: in N);
            /// `N(dst) := N(lhs) - rhs`
            0x010e sub_n_n_nc "sub" arith (dst: out N, lhs: in N, rhs: in Nc);
            /// `N(dst) := lhs - N(rhs)`
            0x010f sub_n_nc_n "sub" arith (dst: out N, lhs: in Nc, rhs: in N);
            /// `P(dst) := P(lhs) - P(rhs)`, a new PMC
            0x0110 sub_p_p_p "sub" arith (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := P(lhs) - I(rhs)`, a new PMC
            0x0111 sub_p_p_i "sub" arith (dst: out P, lhs: in P, rhs: in I);
            /// `P(dst) := P(lhs) - rhs`, a new PMC
            0x0112 sub_p_p_ic "sub" arith (dst: out P, lhs: in P, rhs: in Ic);
            /// `P(dst) := P(lhs) - N(rhs)`, a new PMC
            0x0113 sub_p_p_n "sub" arith (dst: out P, lhs: in P, rhs: in N);
            /// `P(dst) := P(lhs) - rhs`, a new PMC
            0x0114 sub_p_p_nc "sub" arith (dst: out P, lhs: in P, rhs: in Nc);
            /// `P(dst) := P(dst) - P(rhs)`, in place
            0x0115 sub_p_p "sub" arith (dst: inout P, rhs: in P);
            /// `P(dst) := P(dst) - I(rhs)`, in place
            0x0116 sub_p_i "sub" arith (dst: inout P, rhs: in I);
            /// `P(dst) := P(dst) - rhs`, in place
            0x0117 sub_p_ic "sub" arith (dst: inout P, rhs: in Ic);
            /// `P(dst) := P(dst) - N(rhs)`, in place
            0x0118 sub_p_n "sub" arith (dst: inout P, rhs: in N);
            /// `P(dst) := P(dst) - rhs`, in place
            0x0119 sub_p_nc "sub" arith (dst: inout P, rhs: in Nc);
            /// `I(dst) := I(dst) * I(rhs)`
            0x011a mul_i_i "mul" arith (dst: inout I, rhs: in I);
            /// `I(dst) := I(dst) * rhs`
            0x011b mul_i_ic "mul" arith (dst: inout I, rhs: in Ic);
            /// `N(dst) := N(dst) * N(rhs)`
            0x011c mul_n_n "mul" arith (dst: inout N, rhs: in N);
            /// `N(dst) := N(dst) * rhs`
            0x011d mul_n_nc "mul" arith (dst: inout N, rhs: in Nc);
            /// `I(dst) := I(lhs) * I(rhs)`
            0x011e mul_i_i_i "mul" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) * rhs`
            0x011f mul_i_i_ic "mul" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs * I(rhs)`
            0x0120 mul_i_ic_i "mul" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `N(dst) := N(lhs) * N(rhs)`
            0x0121 mul_n_n_n "mul" arith (dst: out N, lhs: in N, rhs: in N);
            /// `N(dst) := N(lhs) * rhs`
            0x0122 mul_n_n_nc "mul" arith (dst: out N, lhs: in N, rhs: in Nc);
            /// `N(dst) := lhs * N(rhs)`
            0x0123 mul_n_nc_n "mul" arith (dst: out N, lhs: in Nc, rhs: in N);
            /// `P(dst) := P(lhs) * P(rhs)`, a new PMC
            0x0124 mul_p_p_p "mul" arith (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := P(lhs) * I(rhs)`, a new PMC
            0x0125 mul_p_p_i "mul" arith (dst: out P, lhs: in P, rhs: in I);
            /// `P(dst) := P(lhs) * rhs`, a new PMC
            0x0126 mul_p_p_ic "mul" arith (dst: out P, lhs: in P, rhs: in Ic);
            /// `P(dst) := P(lhs) * N(rhs)`, a new PMC
            0x0127 mul_p_p_n "mul" arith (dst: out P, lhs: in P, rhs: in N);
            /// `P(dst) := P(lhs) * rhs`, a new PMC
            0x0128 mul_p_p_nc "mul" arith (dst: out P, lhs: in P, rhs: in Nc);
            /// `P(dst) := P(dst) * P(rhs)`, in place
            0x0129 mul_p_p "mul" arith (dst: inout P, rhs: in P);
            /// `P(dst) := P(dst) * I(rhs)`, in place
            0x012a mul_p_i "mul" arith (dst: inout P, rhs: in I);
            /// `P(dst) := P(dst) * rhs`, in place
            0x012b mul_p_ic "mul" arith (dst: inout P, rhs: in Ic);
            /// `P(dst) := P(dst) * N(rhs)`, in place
            0x012c mul_p_n "mul" arith (dst: inout P, rhs: in N);
            /// `P(dst) := P(dst) * rhs`, in place
            0x012d mul_p_nc "mul" arith (dst: inout P, rhs: in Nc);
            /// `I(dst) := I(dst) / I(rhs)`
            0x012e div_i_i "div" arith (dst: inout I, rhs: in I);
            /// `I(dst) := I(dst) / rhs`
            0x012f div_i_ic "div" arith (dst: inout I, rhs: in Ic);
            /// `N(dst) := N(dst) / N(rhs)`
            0x0130 div_n_n "div" arith (dst: inout N, rhs: in N);
            /// `N(dst) := N(dst) / rhs`
            0x0131 div_n_nc "div" arith (dst: inout N, rhs: in Nc);
            /// `I(dst) := I(lhs) / I(rhs)`
            0x0132 div_i_i_i "div" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) / rhs`
            0x0133 div_i_i_ic "div" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs / I(rhs)`
            0x0134 div_i_ic_i "div" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `N(dst) := N(lhs) / N(rhs)`
            0x0135 div_n_n_n "div" arith (dst: out N, lhs: in N, rhs: in N);
            /// `N(dst) := N(lhs) / rhs`
            0x0136 div_n_n_nc "div" arith (dst: out N, lhs: in N, rhs: in Nc);
            /// `N(dst) := lhs / N(rhs)`
            0x0137 div_n_nc_n "div" arith (dst: out N, lhs: in Nc, rhs: in N);
            /// `P(dst) := P(lhs) / P(rhs)`, a new PMC
            0x0138 div_p_p_p "div" arith (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := P(lhs) / I(rhs)`, a new PMC
            0x0139 div_p_p_i "div" arith (dst: out P, lhs: in P, rhs: in I);
            /// `P(dst) := P(lhs) / rhs`, a new PMC
            0x013a div_p_p_ic "div" arith (dst: out P, lhs: in P, rhs: in Ic);
            /// `P(dst) := P(lhs) / N(rhs)`, a new PMC
            0x013b div_p_p_n "div" arith (dst: out P, lhs: in P, rhs: in N);
            /// `P(dst) := P(lhs) / rhs`, a new PMC
            0x013c div_p_p_nc "div" arith (dst: out P, lhs: in P, rhs: in Nc);
            /// `P(dst) := P(dst) / P(rhs)`, in place
            0x013d div_p_p "div" arith (dst: inout P, rhs: in P);
            /// `P(dst) := P(dst) / I(rhs)`, in place
            0x013e div_p_i "div" arith (dst: inout P, rhs: in I);
            /// `P(dst) := P(dst) / rhs`, in place
            0x013f div_p_ic "div" arith (dst: inout P, rhs: in Ic);
            /// `P(dst) := P(dst) / N(rhs)`, in place
            0x0140 div_p_n "div" arith (dst: inout P, rhs: in N);
            /// `P(dst) := P(dst) / rhs`, in place
            0x0141 div_p_nc "div" arith (dst: inout P, rhs: in Nc);
            /// `I(dst) := I(dst) mod I(rhs)`
            0x0142 mod_i_i "mod" arith (dst: inout I, rhs: in I);
            /// `I(dst) := I(dst) mod rhs`
            0x0143 mod_i_ic "mod" arith (dst: inout I, rhs: in Ic);
            /// `N(dst) := N(dst) mod N(rhs)`
            0x0144 mod_n_n "mod" arith (dst: inout N, rhs: in N);
            /// `N(dst) := N(dst) mod rhs`
            0x0145 mod_n_nc "mod" arith (dst: inout N, rhs: in Nc);
            /// `I(dst) := I(lhs) mod I(rhs)`
            0x0146 mod_i_i_i "mod" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) mod rhs`
            0x0147 mod_i_i_ic "mod" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs mod I(rhs)`
            0x0148 mod_i_ic_i "mod" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `N(dst) := N(lhs) mod N(rhs)`
            0x0149 mod_n_n_n "mod" arith (dst: out N, lhs: in N, rhs: in N);
            /// `N(dst) := N(lhs) mod rhs`
            0x014a mod_n_n_nc "mod" arith (dst: out N, lhs: in N, rhs: in Nc);
            /// `N(dst) := lhs mod N(rhs)`
            0x014b mod_n_nc_n "mod" arith (dst: out N, lhs: in Nc, rhs: in N);
            /// `P(dst) := P(lhs) mod P(rhs)`, a new PMC
            0x014c mod_p_p_p "mod" arith (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := P(lhs) mod I(rhs)`, a new PMC
            0x014d mod_p_p_i "mod" arith (dst: out P, lhs: in P, rhs: in I);
            /// `P(dst) := P(lhs) mod rhs`, a new PMC
            0x014e mod_p_p_ic "mod" arith (dst: out P, lhs: in P, rhs: in Ic);
            /// `P(dst) := P(lhs) mod N(rhs)`, a new PMC
            0x014f mod_p_p_n "mod" arith (dst: out P, lhs: in P, rhs: in N);
            /// `P(dst) := P(lhs) mod rhs`, a new PMC
            0x0150 mod_p_p_nc "mod" arith (dst: out P, lhs: in P, rhs: in Nc);
            /// `P(dst) := P(dst) mod P(rhs)`, in place
            0x0151 mod_p_p "mod" arith (dst: inout P, rhs: in P);
            /// `P(dst) := P(dst) mod I(rhs)`, in place
            0x0152 mod_p_i "mod" arith (dst: inout P, rhs: in I);
            /// `P(dst) := P(dst) mod rhs`, in place
            0x0153 mod_p_ic "mod" arith (dst: inout P, rhs: in Ic);
            /// `P(dst) := P(dst) mod N(rhs)`, in place
            0x0154 mod_p_n "mod" arith (dst: inout P, rhs: in N);
            /// `P(dst) := P(dst) mod rhs`, in place
            0x0155 mod_p_nc "mod" arith (dst: inout P, rhs: in Nc);
            /// `I(dst) := I(dst) // I(rhs)`
            0x0156 fdiv_i_i "fdiv" arith (dst: inout I, rhs: in I);
            /// `I(dst) := I(dst) // rhs`
            0x0157 fdiv_i_ic "fdiv" arith (dst: inout I, rhs: in Ic);
            /// `N(dst) := N(dst) // N(rhs)`
            0x0158 fdiv_n_n "fdiv" arith (dst: inout N, rhs: in N);
            /// `N(dst) := N(dst) // rhs`
            0x0159 fdiv_n_nc "fdiv" arith (dst: inout N, rhs: in Nc);
            /// `I(dst) := I(lhs) // I(rhs)`
            0x015a fdiv_i_i_i "fdiv" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) // rhs`
            0x015b fdiv_i_i_ic "fdiv" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs // I(rhs)`
            0x015c fdiv_i_ic_i "fdiv" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `N(dst) := N(lhs) // N(rhs)`
            0x015d fdiv_n_n_n "fdiv" arith (dst: out N, lhs: in N, rhs: in N);
            /// `N(dst) := N(lhs) // rhs`
            0x015e fdiv_n_n_nc "fdiv" arith (dst: out N, lhs: in N, rhs: in Nc);
            /// `N(dst) := lhs // N(rhs)`
            0x015f fdiv_n_nc_n "fdiv" arith (dst: out N, lhs: in Nc, rhs: in N);
            /// `P(dst) := P(lhs) // P(rhs)`, a new PMC
            0x0160 fdiv_p_p_p "fdiv" arith (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := P(lhs) // I(rhs)`, a new PMC
            0x0161 fdiv_p_p_i "fdiv" arith (dst: out P, lhs: in P, rhs: in I);
            /// `P(dst) := P(lhs) // rhs`, a new PMC
            0x0162 fdiv_p_p_ic "fdiv" arith (dst: out P, lhs: in P, rhs: in Ic);
            /// `P(dst) := P(lhs) // N(rhs)`, a new PMC
            0x0163 fdiv_p_p_n "fdiv" arith (dst: out P, lhs: in P, rhs: in N);
            /// `P(dst) := P(lhs) // rhs`, a new PMC
            0x0164 fdiv_p_p_nc "fdiv" arith (dst: out P, lhs: in P, rhs: in Nc);
            /// `P(dst) := P(dst) // P(rhs)`, in place
            0x0165 fdiv_p_p "fdiv" arith (dst: inout P, rhs: in P);
            /// `P(dst) := P(dst) // I(rhs)`, in place
            0x0166 fdiv_p_i "fdiv" arith (dst: inout P, rhs: in I);
            /// `P(dst) := P(dst) // rhs`, in place
            0x0167 fdiv_p_ic "fdiv" arith (dst: inout P, rhs: in Ic);
            /// `P(dst) := P(dst) // N(rhs)`, in place
            0x0168 fdiv_p_n "fdiv" arith (dst: inout P, rhs: in N);
            /// `P(dst) := P(dst) // rhs`, in place
            0x0169 fdiv_p_nc "fdiv" arith (dst: inout P, rhs: in Nc);
            /// `N(dst) := N(lhs) ** N(rhs)`
            0x016a pow_n_n_n "pow" arith (dst: out N, lhs: in N, rhs: in N);
            /// `N(dst) := N(lhs) ** rhs`
            0x016b pow_n_n_nc "pow" arith (dst: out N, lhs: in N, rhs: in Nc);
            /// `N(dst) := lhs ** N(rhs)`
            0x016c pow_n_nc_n "pow" arith (dst: out N, lhs: in Nc, rhs: in N);
            /// `N(dst) := N(lhs) ** I(rhs)`
            0x016d pow_n_n_i "pow" arith (dst: out N, lhs: in N, rhs: in I);
            /// `N(dst) := N(lhs) ** rhs`
            0x016e pow_n_n_ic "pow" arith (dst: out N, lhs: in N, rhs: in Ic);
            /// `I(dst) := I(lhs) ** I(rhs)` (wraps on overflow)
            0x016f pow_i_i_i "pow" arith (dst: out I, lhs: in I, rhs: in Ix);
            /// `I(dst) := -I(dst)`
            0x0170 neg_i "neg" arith (dst: inout I);
            /// `I(dst) := -I(src)`
            0x0171 neg_i_i "neg" arith (dst: out I, src: in I);
            /// `N(dst) := -N(dst)`
            0x0172 neg_n "neg" arith (dst: inout N);
            /// `N(dst) := -N(src)`
            0x0173 neg_n_n "neg" arith (dst: out N, src: in N);
            /// `P(dst) := -P(dst)`
            0x0174 neg_p "neg" arith (dst: inout P);
            /// `P(dst) := -P(src)`
            0x0175 neg_p_p "neg" arith (dst: out P, src: in P);
            /// `I(dst) := |I(dst)|`
            0x0176 abs_i "abs" arith (dst: inout I);
            /// `I(dst) := |I(src)|`
            0x0177 abs_i_i "abs" arith (dst: out I, src: in I);
            /// `N(dst) := |N(dst)|`
            0x0178 abs_n "abs" arith (dst: inout N);
            /// `N(dst) := |N(src)|`
            0x0179 abs_n_n "abs" arith (dst: out N, src: in N);
            /// `P(dst) := |P(dst)|`
            0x017a abs_p "abs" arith (dst: inout P);
            /// `P(dst) := |P(src)|`
            0x017b abs_p_p "abs" arith (dst: out P, src: in P);
            /// `I(dst) := I(dst) + 1`
            0x017c inc_i "inc" arith (dst: inout I);
            /// `N(dst) := N(dst) + 1`
            0x017d inc_n "inc" arith (dst: inout N);
            /// `P(dst) := P(dst) + 1`
            0x017e inc_p "inc" arith (dst: inout P);
            /// `I(dst) := I(dst) - 1`
            0x017f dec_i "dec" arith (dst: inout I);
            /// `N(dst) := N(dst) - 1`
            0x0180 dec_n "dec" arith (dst: inout N);
            /// `P(dst) := P(dst) - 1`
            0x0181 dec_p "dec" arith (dst: inout P);
            /// `I(dst) := I(dst) & I(rhs)`
            0x0182 band_i_i "band" arith (dst: inout I, rhs: in Ix);
            /// `I(dst) := I(lhs) & I(rhs)`
            0x0183 band_i_i_i "band" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) & rhs`
            0x0184 band_i_i_ic "band" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs & I(rhs)`
            0x0185 band_i_ic_i "band" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := I(dst) | I(rhs)`
            0x0186 bor_i_i "bor" arith (dst: inout I, rhs: in Ix);
            /// `I(dst) := I(lhs) | I(rhs)`
            0x0187 bor_i_i_i "bor" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) | rhs`
            0x0188 bor_i_i_ic "bor" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs | I(rhs)`
            0x0189 bor_i_ic_i "bor" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := I(dst) ^ I(rhs)`
            0x018a bxor_i_i "bxor" arith (dst: inout I, rhs: in Ix);
            /// `I(dst) := I(lhs) ^ I(rhs)`
            0x018b bxor_i_i_i "bxor" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) ^ rhs`
            0x018c bxor_i_i_ic "bxor" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs ^ I(rhs)`
            0x018d bxor_i_ic_i "bxor" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := I(dst) << I(rhs)`
            0x018e shl_i_i "shl" arith (dst: inout I, rhs: in Ix);
            /// `I(dst) := I(lhs) << I(rhs)`
            0x018f shl_i_i_i "shl" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) << rhs`
            0x0190 shl_i_i_ic "shl" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs << I(rhs)`
            0x0191 shl_i_ic_i "shl" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := I(dst) >> I(rhs)`
            0x0192 shr_i_i "shr" arith (dst: inout I, rhs: in Ix);
            /// `I(dst) := I(lhs) >> I(rhs)`
            0x0193 shr_i_i_i "shr" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) >> rhs`
            0x0194 shr_i_i_ic "shr" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs >> I(rhs)`
            0x0195 shr_i_ic_i "shr" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := I(dst) >>> I(rhs)`
            0x0196 lsr_i_i "lsr" arith (dst: inout I, rhs: in Ix);
            /// `I(dst) := I(lhs) >>> I(rhs)`
            0x0197 lsr_i_i_i "lsr" arith (dst: out I, lhs: in I, rhs: in I);
            /// `I(dst) := I(lhs) >>> rhs`
            0x0198 lsr_i_i_ic "lsr" arith (dst: out I, lhs: in I, rhs: in Ic);
            /// `I(dst) := lhs >>> I(rhs)`
            0x0199 lsr_i_ic_i "lsr" arith (dst: out I, lhs: in Ic, rhs: in I);
            /// `I(dst) := ~I(dst)`
            0x019a bnot_i "bnot" arith (dst: inout I);
            /// `I(dst) := ~I(src)`
            0x019b bnot_i_i "bnot" arith (dst: out I, src: in I);
            /// `I(dst) := I(lhs)` if it is false, else I(rhs)
            0x019c and_i_i_i "and" arith (dst: out I, lhs: in Ix, rhs: in Ix);
            /// `I(dst) := I(lhs)` if it is true, else I(rhs)
            0x019d or_i_i_i "or" arith (dst: out I, lhs: in Ix, rhs: in Ix);
            /// `I(dst) := ` whichever of I(lhs) and I(rhs) is true if exactly one is, else 0
            0x019e xor_i_i_i "xor" arith (dst: out I, lhs: in Ix, rhs: in Ix);
            /// `I(dst) := !I(dst)` (1 or 0)
            0x019f not_i "not" arith (dst: inout I);
            /// `I(dst) := !I(src)` (1 or 0)
            0x01a0 not_i_i "not" arith (dst: out I, src: in Ix);
            /// `S(dst) := S(dst) . S(rhs)`
            0x01a1 concat_s_s "concat" string (dst: inout S, rhs: in S);
            /// `S(dst) := S(lhs) . S(rhs)`
            0x01a2 concat_s_s_s "concat" string (dst: out S, lhs: in Sx, rhs: in Sx);
            /// `P(dst) := P(lhs) . S(rhs)`, a new String PMC
            0x01a3 concat_p_p_s "concat" string (dst: out P, lhs: in P, rhs: in Sx);
            /// `P(dst) := P(lhs) . P(rhs)`, a new String PMC
            0x01a4 concat_p_p_p "concat" string (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := P(dst) . S(rhs)`, in place
            0x01a5 concat_p_s "concat" string (dst: inout P, rhs: in Sx);
            /// `I(dst) := ` the length of S(src) in characters
            0x01a6 length_i_s "length" string (dst: out I, src: in Sx);
            /// `I(dst) := ` the length of S(src) in bytes
            0x01a7 bytelength_i_s "bytelength" string (dst: out I, src: in Sx);
            /// `S(dst) := S(src)[I(offset)..]`
            0x01a8 substr_s_s_i "substr" string (dst: out S, src: in Sx, offset: in Ix);
            /// `S(dst) := S(src)[I(offset)..I(offset)+I(count)]`
            0x01a9 substr_s_s_i_i "substr" string (dst: out S, src: in Sx, offset: in Ix, count: in Ix);
            /// `S(dst) := S(src)` with `I(count)` characters at `I(offset)` replaced by S(with)
            0x01aa replace_s_s_i_i_s "replace" string (dst: out S, src: in Sx, offset: in Ix, count: in Ix, with: in Sx);
            /// `I(dst) := ` the first position of S(needle) in S(haystack), or -1
            0x01ab index_i_s_s "index" string (dst: out I, haystack: in Sx, needle: in Sx);
            /// `I(dst) := ` the first position of S(needle) in S(haystack) at or after I(start), or -1
            0x01ac index_i_s_s_i "index" string (dst: out I, haystack: in Sx, needle: in Sx, start: in Ix);
            /// `I(dst) := ` the code point of the first character of S(src)
            0x01ad ord_i_s "ord" string (dst: out I, src: in Sx);
            /// `I(dst) := ` the code point of the character at I(pos) in S(src)
            0x01ae ord_i_s_i "ord" string (dst: out I, src: in Sx, pos: in Ix);
            /// `S(dst) := ` the one-character string for code point I(code)
            0x01af chr_s_i "chr" string (dst: out S, code: in Ix);
            /// `S(dst) := S(src)` repeated I(count) times
            0x01b0 repeat_s_s_i "repeat" string (dst: out S, src: in Sx, count: in Ix);
            /// `S(dst) := S(dst)` in upper case
            0x01b1 upcase_s "upcase" string (dst: inout S);
            /// `S(dst) := S(src)` in upper case
            0x01b2 upcase_s_s "upcase" string (dst: out S, src: in Sx);
            /// `S(dst) := S(dst)` in lower case
            0x01b3 downcase_s "downcase" string (dst: inout S);
            /// `S(dst) := S(src)` in lower case
            0x01b4 downcase_s_s "downcase" string (dst: out S, src: in Sx);
            /// `S(dst) := S(dst)` in title case
            0x01b5 titlecase_s "titlecase" string (dst: inout S);
            /// `S(dst) := S(src)` in title case
            0x01b6 titlecase_s_s "titlecase" string (dst: out S, src: in Sx);
            /// `S(dst) := ` S(format) filled from the array P(args)
            0x01b7 sprintf_s_s_p "sprintf" string (dst: out S, format: in Sx, args: in P);
            /// `P(dst) := ` P(format) filled from the array P(args), a new String PMC
            0x01b8 sprintf_p_p_p "sprintf" string (dst: out P, format: in P, args: in P);
            /// `P(dst) := ` a new array of the pieces of S(src) between each S(sep)
            0x01b9 split_p_s_s "split" string (dst: out P, sep: in Sx, src: in Sx);
            /// `S(dst) := ` the elements of P(parts) joined with S(sep)
            0x01ba join_s_s_p "join" string (dst: out S, sep: in Sx, parts: in P);
            /// `P(dst) := ` a new PMC of the class named S(class)
            0x01bb new_p_s "new" pmcops (dst: out P, class: in Sx);
            /// `P(dst) := ` a new PMC of the class named S(class), initialised from P(init)
            0x01bc new_p_s_p "new" pmcops (dst: out P, class: in Sx, init: in P);
            /// `S(dst) := ` the class name of P(obj)
            0x01bd typeof_s_p "typeof" pmcops (dst: out S, obj: in P);
            /// `I(dst) := 1` if P(obj) is a S(class), else 0
            0x01be isa_i_p_s "isa" pmcops (dst: out I, obj: in P, class: in Sx);
            /// `I(dst) := 1` if P(obj) does the role S(role), else 0
            0x01bf does_i_p_s "does" pmcops (dst: out I, obj: in P, role: in Sx);
            /// `I(dst) := 1` if P(obj) has the method S(method), else 0
            0x01c0 can_i_p_s "can" pmcops (dst: out I, obj: in P, method: in Sx);
            /// `I(dst) := ` the number of elements of P(obj)
            0x01c1 elements_i_p "elements" pmcops (dst: out I, obj: in P);
            /// appends I(src) to P(obj)
            0x01c2 push_p_i "push" pmcops (obj: in P, src: in Ix);
            /// prepends I(src) to P(obj)
            0x01c3 unshift_p_i "unshift" pmcops (obj: in P, src: in Ix);
            /// appends N(src) to P(obj)
            0x01c4 push_p_n "push" pmcops (obj: in P, src: in Nx);
            /// prepends N(src) to P(obj)
            0x01c5 unshift_p_n "unshift" pmcops (obj: in P, src: in Nx);
            /// appends S(src) to P(obj)
            0x01c6 push_p_s "push" pmcops (obj: in P, src: in Sx);
            /// prepends S(src) to P(obj)
            0x01c7 unshift_p_s "unshift" pmcops (obj: in P, src: in Sx);
            /// appends P(src) to P(obj)
            0x01c8 push_p_p "push" pmcops (obj: in P, src: in P);
            /// prepends P(src) to P(obj)
            0x01c9 unshift_p_p "unshift" pmcops (obj: in P, src: in P);
            /// `I(dst) := ` the last element of P(obj), removed
            0x01ca pop_i_p "pop" pmcops (dst: out I, obj: in P);
            /// `I(dst) := ` the first element of P(obj) (or the next item of an iterator), removed
            0x01cb shift_i_p "shift" pmcops (dst: out I, obj: in P);
            /// `N(dst) := ` the last element of P(obj), removed
            0x01cc pop_n_p "pop" pmcops (dst: out N, obj: in P);
            /// `N(dst) := ` the first element of P(obj) (or the next item of an iterator), removed
            0x01cd shift_n_p "shift" pmcops (dst: out N, obj: in P);
            /// `S(dst) := ` the last element of P(obj), removed
            0x01ce pop_s_p "pop" pmcops (dst: out S, obj: in P);
            /// `S(dst) := ` the first element of P(obj) (or the next item of an iterator), removed
            0x01cf shift_s_p "shift" pmcops (dst: out S, obj: in P);
            /// `P(dst) := ` the last element of P(obj), removed
            0x01d0 pop_p_p "pop" pmcops (dst: out P, obj: in P);
            /// `P(dst) := ` the first element of P(obj) (or the next item of an iterator), removed
            0x01d1 shift_p_p "shift" pmcops (dst: out P, obj: in P);
            /// `I(dst) := 1` if P(obj) has an element at K(key), else 0
            0x01d2 exists_i_p_k "exists" pmcops (dst: out I, obj: in P, key: in K);
            /// `I(dst) := 1` if P(obj) is defined, else 0
            0x01d3 defined_i_p "defined" pmcops (dst: out I, obj: in P);
            /// `I(dst) := 1` if P(obj)[K(key)] exists and is defined, else 0
            0x01d4 defined_i_p_k "defined" pmcops (dst: out I, obj: in P, key: in K);
            /// removes the element at K(key) from P(obj)
            0x01d5 delete_p_k "delete" pmcops (obj: in P, key: in K);
            /// `P(dst) := ` a new iterator over P(obj)
            0x01d6 iter_p_p "iter" pmcops (dst: out P, obj: in P);
            /// installs an exception handler that resumes at handler
            0x01d7 push_eh_ic "push_eh" exception (handler: in L);
            /// removes the most recent exception handler
            0x01d8 pop_eh "pop_eh" exception ();
            /// `I(dst) := ` the number of installed exception handlers
            0x01d9 count_eh_i "count_eh" exception (dst: out I);
            /// throws the exception P(exc)
            0x01da throw_p "throw" exception (exc: in P);
            /// throws P(exc) again, to the next outer handler
            0x01db rethrow_p "rethrow" exception (exc: in P);
            /// throws a new exception with message S(msg) (severity error)
            0x01dc die_s "die" exception (msg: in Sx);
            /// throws P(exc) if it is an Exception, else a new one with its string as the message
            0x01dd die_p "die" exception (exc: in P);
            /// throws a new exception of severity I(severity) and type I(kind)
            0x01de die_i_i "die" exception (severity: in Ix, kind: in Ix);
            /// sets the arguments of the next call
            0x01df set_args_pc "set_args" control (args: in V);
            /// binds the caller's arguments to parameters (the first op of a sub)
            0x01e0 get_params_pc "get_params" control (params: in V);
            /// sets the values of the next return
            0x01e1 set_returns_pc "set_returns" control (values: in V);
            /// binds the values of the last return, or the caught exception in a handler
            0x01e2 get_results_pc "get_results" control (results: in V);
            /// calls P(sub) with a new return continuation
            0x01e3 invokecc_p "invokecc" control (sub: in P);
            /// calls P(sub) in place of the current sub
            0x01e4 tailcall_p "tailcall" control (sub: in P);
            /// returns to the caller
            0x01e5 returncc "returncc" control ();
            /// `P(dst) := ` the sub or global named S(name), or null
            0x01e6 find_name_p_s "find_name" pmcops (dst: out P, name: in Sx);
            /// `P(dst) := ` the sub named S(name); throws if there is none
            0x01e7 find_sub_not_null_p_s "find_sub_not_null" control (dst: out P, name: in Sx);
            /// `P(dst) := ` the global S(name), or null
            0x01e8 get_global_p_s "get_global" pmcops (dst: out P, name: in Sx);
            /// sets the global S(name) to P(src)
            0x01e9 set_global_s_p "set_global" pmcops (name: in Sx, src: in P);
            /// writes I(src) to stdout
            0x01ea print_i "print" io (src: in I);
            /// writes src to stdout
            0x01eb print_ic "print" io (src: in Ic);
            /// writes N(src) to stdout
            0x01ec print_n "print" io (src: in N);
            /// writes src to stdout
            0x01ed print_nc "print" io (src: in Nc);
            /// writes S(src) to stdout
            0x01ee print_s "print" io (src: in S);
            /// writes src to stdout
            0x01ef print_sc "print" io (src: in Sc);
            /// writes P(src) to stdout
            0x01f0 print_p "print" io (src: in P);
            /// writes I(src) to stdout, then a newline
            0x01f1 say_i "say" io (src: in I);
            /// writes src to stdout, then a newline
            0x01f2 say_ic "say" io (src: in Ic);
            /// writes N(src) to stdout, then a newline
            0x01f3 say_n "say" io (src: in N);
            /// writes src to stdout, then a newline
            0x01f4 say_nc "say" io (src: in Nc);
            /// writes S(src) to stdout, then a newline
            0x01f5 say_s "say" io (src: in S);
            /// writes src to stdout, then a newline
            0x01f6 say_sc "say" io (src: in Sc);
            /// writes P(src) to stdout, then a newline
            0x01f7 say_p "say" io (src: in P);
            /// writes I(src) to stderr
            0x01f8 printerr_i "printerr" io (src: in I);
            /// writes src to stderr
            0x01f9 printerr_ic "printerr" io (src: in Ic);
            /// writes N(src) to stderr
            0x01fa printerr_n "printerr" io (src: in N);
            /// writes src to stderr
            0x01fb printerr_nc "printerr" io (src: in Nc);
            /// writes S(src) to stderr
            0x01fc printerr_s "printerr" io (src: in S);
            /// writes src to stderr
            0x01fd printerr_sc "printerr" io (src: in Sc);
            /// writes P(src) to stderr
            0x01fe printerr_p "printerr" io (src: in P);
            /// writes I(src) to the handle P(handle)
            0x01ff print_p_i "print" io (handle: in P, src: in Ix);
            /// writes N(src) to the handle P(handle)
            0x0200 print_p_n "print" io (handle: in P, src: in Nx);
            /// writes S(src) to the handle P(handle)
            0x0201 print_p_s "print" io (handle: in P, src: in Sx);
            /// writes P(src) to the handle P(handle)
            0x0202 print_p_p "print" io (handle: in P, src: in P);
            /// writes I(src) to the handle P(handle), then a newline
            0x0203 say_p_i "say" io (handle: in P, src: in Ix);
            /// writes N(src) to the handle P(handle), then a newline
            0x0204 say_p_n "say" io (handle: in P, src: in Nx);
            /// writes S(src) to the handle P(handle), then a newline
            0x0205 say_p_s "say" io (handle: in P, src: in Sx);
            /// writes P(src) to the handle P(handle), then a newline
            0x0206 say_p_p "say" io (handle: in P, src: in P);
            /// `P(dst) := ` the stdin FileHandle
            0x0207 getstdin_p "getstdin" io (dst: out P);
            /// `P(dst) := ` the stdout FileHandle
            0x0208 getstdout_p "getstdout" io (dst: out P);
            /// `P(dst) := ` the stderr FileHandle
            0x0209 getstderr_p "getstderr" io (dst: out P);
            /// `P(dst) := ` the file S(path), opened for reading
            0x020a open_p_s "open" io (dst: out P, path: in Sx);
            /// `P(dst) := ` the file S(path), opened with the mode S(mode)
            0x020b open_p_s_s "open" io (dst: out P, path: in Sx, mode: in Sx);
            /// closes P(handle)
            0x020c close_p "close" io (handle: in P);
            /// `S(dst) := ` up to I(count) bytes from stdin
            0x020d read_s_i "read" io (dst: out S, count: in Ix);
            /// `S(dst) := ` up to I(count) bytes from P(handle)
            0x020e read_s_p_i "read" io (dst: out S, handle: in P, count: in Ix);
            /// `S(dst) := ` the next line of P(handle), with its newline
            0x020f readline_s_p "readline" io (dst: out S, handle: in P);
            /// `I(dst) := ` seconds since the epoch
            0x0210 time_i "time" arith (dst: out I);
            /// `N(dst) := ` seconds since the epoch, with a fraction
            0x0211 time_n "time" arith (dst: out N);
            /// sleeps for I(secs) seconds
            0x0212 sleep_i "sleep" task (secs: in Ix);
            /// sleeps for N(secs) seconds
            0x0213 sleep_n "sleep" task (secs: in Nx);
            /// `P(dst) := ` a new class named S(name) (user objects get its attributes)
            0x0214 newclass_p_s "newclass" pmcops (dst: out P, name: in Sx);
            /// adds an attribute named S(name) to the class P(class)
            0x0215 addattribute_p_s "addattribute" pmcops (class: in P, name: in Sx);
            /// sets the attribute S(name) of the object P(obj) to P(src)
            0x0216 setattribute_p_s_p "setattribute" pmcops (obj: in P, name: in Sx, src: in P);
            /// `P(dst) := ` the attribute S(name) of the object P(obj)
            0x0217 getattribute_p_p_s "getattribute" pmcops (dst: out P, obj: in P, name: in Sx);
            /// calls the method S(name) of P(obj) (the arguments, invocant first, come from `set_args`)
            0x0218 callmethodcc_p_s "callmethodcc" control (obj: in P, name: in Sx);
            /// `P(dst) := ` the method S(name) of P(obj), or null
            0x0219 find_method_p_p_s "find_method" pmcops (dst: out P, obj: in P, name: in Sx);
            /// async `print`: P(req) := a request writing I(src) to stdout; P(cb) runs when it completes (null: none)
            0x021a print_p_i_p "print" io (req: out P, src: in Ix, cb: in P);
            /// async `print` of N(src) to stdout
            0x021b print_p_n_p "print" io (req: out P, src: in Nx, cb: in P);
            /// async `print` of S(src) to stdout
            0x021c print_p_s_p "print" io (req: out P, src: in Sx, cb: in P);
            /// async `print` of P(src) to stdout
            0x021d print_p_p_p "print" io (req: out P, src: in P, cb: in P);
            /// async `print` of I(src) to the handle P(handle)
            0x021e print_p_p_i_p "print" io (req: out P, handle: in P, src: in Ix, cb: in P);
            /// async `print` of N(src) to the handle P(handle)
            0x021f print_p_p_n_p "print" io (req: out P, handle: in P, src: in Nx, cb: in P);
            /// async `print` of S(src) to the handle P(handle)
            0x0220 print_p_p_s_p "print" io (req: out P, handle: in P, src: in Sx, cb: in P);
            /// async `print` of P(src) to the handle P(handle)
            0x0221 print_p_p_p_p "print" io (req: out P, handle: in P, src: in P, cb: in P);
            /// async `say` of I(src) to stdout
            0x0222 say_p_i_p "say" io (req: out P, src: in Ix, cb: in P);
            /// async `say` of N(src) to stdout
            0x0223 say_p_n_p "say" io (req: out P, src: in Nx, cb: in P);
            /// async `say` of S(src) to stdout
            0x0224 say_p_s_p "say" io (req: out P, src: in Sx, cb: in P);
            /// async `say` of P(src) to stdout
            0x0225 say_p_p_p "say" io (req: out P, src: in P, cb: in P);
            /// async `say` of S(src) to the handle P(handle)
            0x0226 say_p_p_s_p "say" io (req: out P, handle: in P, src: in Sx, cb: in P);
            /// async `printerr` of I(src)
            0x0227 printerr_p_i_p "printerr" io (req: out P, src: in Ix, cb: in P);
            /// async `printerr` of N(src)
            0x0228 printerr_p_n_p "printerr" io (req: out P, src: in Nx, cb: in P);
            /// async `printerr` of S(src)
            0x0229 printerr_p_s_p "printerr" io (req: out P, src: in Sx, cb: in P);
            /// async `printerr` of P(src)
            0x022a printerr_p_p_p "printerr" io (req: out P, src: in P, cb: in P);
            /// writes the bytes of S(data) to the handle P(handle)
            0x022b write_p_s "write" io (handle: in P, data: in Sx);
            /// async `write`: P(req) := a request writing S(data) to P(handle)
            0x022c write_p_p_s_p "write" io (req: out P, handle: in P, data: in Sx, cb: in P);
            /// async `read` of up to I(count) bytes from stdin; the string is `P(req).'return'()`
            0x022d read_p_i_p "read" io (req: out P, count: in Ix, cb: in P);
            /// async `read` of up to I(count) bytes from P(handle)
            0x022e read_p_p_i_p "read" io (req: out P, handle: in P, count: in Ix, cb: in P);
            /// async `readline` of P(handle)
            0x022f readline_p_p_p "readline" io (req: out P, handle: in P, cb: in P);
            /// async `open`; the new FileHandle is `P(req).'return'()`
            0x0230 open_p_s_s_p "open" io (req: out P, path: in Sx, mode: in Sx, cb: in P);
            /// async `close` of P(handle)
            0x0231 close_p_p_p "close" io (req: out P, handle: in P, cb: in P);
            /// moves P(handle) to I(offset) from whence (0 start, 1 current, 2 end)
            0x0232 seek_p_i_i "seek" io (handle: in P, offset: in Ix, whence: in Ix);
            /// async `seek`
            0x0233 seek_p_p_i_i_p "seek" io (req: out P, handle: in P, offset: in Ix, whence: in Ix, cb: in P);
            /// `I(dst) := ` the position of P(handle)
            0x0234 tell_i_p "tell" io (dst: out I, handle: in P);
            /// async `tell`; the position is `P(req).'return'()`
            0x0235 tell_p_p_p "tell" io (req: out P, handle: in P, cb: in P);
            /// `I(dst) := ` fact I(what) about the file S(path) (stat.pasm codes)
            0x0236 stat_i_s_i "stat" io (dst: out I, path: in Sx, what: in Ix);
            /// `I(dst) := ` fact I(what) about the open descriptor I(fd)
            0x0237 stat_i_i_i "stat" io (dst: out I, fd: in Ix, what: in Ix);
            /// async `stat`; the fact is `P(req).'return'()`
            0x0238 stat_p_s_i_p "stat" io (req: out P, path: in Sx, what: in Ix, cb: in P);
            /// `S(dst) := ` the next byte of stdin, without consuming it (empty at end of file)
            0x0239 peek_s "peek" io (dst: out S);
            /// `S(dst) := ` the next byte of P(handle), without consuming it
            0x023a peek_s_p "peek" io (dst: out S, handle: in P);
            /// schedules a Task, a Sub (wrapped in a Task) or an event Task
            0x023b schedule_p "schedule" task (task: in P);
            /// schedules P(task) ahead of every other task and yields to it
            0x023c schedule_local_p "schedule_local" task (task: in P);
            /// parks this task until the Task or Request P(what) completes
            0x023d wait_p "wait" task (what: in P);
            /// gives up the rest of this task's slice
            0x023e pass "pass" task ();
            /// ends this task (not the program)
            0x023f terminate "terminate" task ();
            /// `P(dst) := ` the next message in this task's mailbox; parks the task while it is empty
            0x0240 receive_p "receive" task (dst: out P);
            /// registers the EventHandler P(handler)
            0x0241 addhandler_p "addhandler" task (handler: in P);
            /// a safe point: lets the scheduler run due work
            0x0242 check_events "check_events" task ();
            /// this task keeps running past its slice until `enable_preemption`
            0x0243 disable_preemption "disable_preemption" task ();
            /// ends `disable_preemption`
            0x0244 enable_preemption "enable_preemption" task ();
            /// `P(dst) := ` the Task PMC of the running task
            0x0245 current_task_p "current_task" task (dst: out P);
            /// `P(dst) := ` a FileHandle on the open descriptor I(fd)
            0x0246 fdopen_p_i_s "fdopen" io (dst: out P, fd: in Ix, mode: in Sx);
            /// `P(dst) := ` a new Integer holding I(src)
            0x0247 box_p_i "box" pmcops (dst: out P, src: in Ix);
            /// `P(dst) := ` a new Float holding N(src)
            0x0248 box_p_n "box" pmcops (dst: out P, src: in Nx);
            /// `P(dst) := ` a new String holding S(src)
            0x0249 box_p_s "box" pmcops (dst: out P, src: in Sx);
            /// installs the ExceptionHandler P(handler), which resumes at its `set_addr` address
            0x0300 push_eh_p "push_eh" exception (handler: in P);
            /// sets the address the ExceptionHandler P(handler) resumes at to target
            0x0301 set_addr_p_ic "set_addr" exception (handler: in P, target: in L);
            /// `N(dst) := N(dst) + I(rhs)`, I(rhs) read as a number
            0x0400 add_n_i "add" arith (dst: inout N, rhs: in I);
            /// `N(dst) := I(lhs) + N(rhs)`, I(lhs) read as a number
            0x0401 add_n_i_n "add" arith (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := N(lhs) + I(rhs)`, I(rhs) read as a number
            0x0402 add_n_n_i "add" arith (dst: out N, lhs: in Nx, rhs: in I);
            /// `N(dst) := I(lhs) + I(rhs)`, both read as numbers
            0x0403 add_n_i_i "add" arith (dst: out N, lhs: in I, rhs: in I);
            /// `N(dst) := N(dst) - I(rhs)`, I(rhs) read as a number
            0x0404 sub_n_i "sub" arith (dst: inout N, rhs: in I);
            /// `N(dst) := I(lhs) - N(rhs)`, I(lhs) read as a number
            0x0405 sub_n_i_n "sub" arith (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := N(lhs) - I(rhs)`, I(rhs) read as a number
            0x0406 sub_n_n_i "sub" arith (dst: out N, lhs: in Nx, rhs: in I);
            /// `N(dst) := I(lhs) - I(rhs)`, both read as numbers
            0x0407 sub_n_i_i "sub" arith (dst: out N, lhs: in I, rhs: in I);
            /// `N(dst) := N(dst) * I(rhs)`, I(rhs) read as a number
            0x0408 mul_n_i "mul" arith (dst: inout N, rhs: in I);
            /// `N(dst) := I(lhs) * N(rhs)`, I(lhs) read as a number
            0x0409 mul_n_i_n "mul" arith (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := N(lhs) * I(rhs)`, I(rhs) read as a number
            0x040a mul_n_n_i "mul" arith (dst: out N, lhs: in Nx, rhs: in I);
            /// `N(dst) := I(lhs) * I(rhs)`, both read as numbers
            0x040b mul_n_i_i "mul" arith (dst: out N, lhs: in I, rhs: in I);
            /// `N(dst) := N(dst) / I(rhs)`, I(rhs) read as a number
            0x040c div_n_i "div" arith (dst: inout N, rhs: in I);
            /// `N(dst) := I(lhs) / N(rhs)`, I(lhs) read as a number
            0x040d div_n_i_n "div" arith (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := N(lhs) / I(rhs)`, I(rhs) read as a number
            0x040e div_n_n_i "div" arith (dst: out N, lhs: in Nx, rhs: in I);
            /// `N(dst) := I(lhs) / I(rhs)`, both read as numbers
            0x040f div_n_i_i "div" arith (dst: out N, lhs: in I, rhs: in I);
            /// `N(dst) := N(dst) mod I(rhs)`, I(rhs) read as a number
            0x0410 mod_n_i "mod" arith (dst: inout N, rhs: in I);
            /// `N(dst) := I(lhs) mod N(rhs)`, I(lhs) read as a number
            0x0411 mod_n_i_n "mod" arith (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := N(lhs) mod I(rhs)`, I(rhs) read as a number
            0x0412 mod_n_n_i "mod" arith (dst: out N, lhs: in Nx, rhs: in I);
            /// `N(dst) := I(lhs) mod I(rhs)`, both read as numbers
            0x0413 mod_n_i_i "mod" arith (dst: out N, lhs: in I, rhs: in I);
            /// `N(dst) := N(dst) // I(rhs)`, I(rhs) read as a number
            0x0414 fdiv_n_i "fdiv" arith (dst: inout N, rhs: in I);
            /// `N(dst) := I(lhs) // N(rhs)`, I(lhs) read as a number
            0x0415 fdiv_n_i_n "fdiv" arith (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := N(lhs) // I(rhs)`, I(rhs) read as a number
            0x0416 fdiv_n_n_i "fdiv" arith (dst: out N, lhs: in Nx, rhs: in I);
            /// `N(dst) := I(lhs) // I(rhs)`, both read as numbers
            0x0417 fdiv_n_i_i "fdiv" arith (dst: out N, lhs: in I, rhs: in I);
            /// `N(dst) := -I(src)`, as a number
            0x0418 neg_n_i "neg" arith (dst: out N, src: in I);
            /// `N(dst) := |I(src)|`, as a number
            0x0419 abs_n_i "abs" arith (dst: out N, src: in I);
            /// `N(dst) := sqrt(N(src))`
            0x041a sqrt_n_n "sqrt" math (dst: out N, src: in Nx);
            /// `N(dst) := sqrt(I(src))`
            0x041b sqrt_n_i "sqrt" math (dst: out N, src: in I);
            /// `N(dst) := ` the largest integral value <= N(dst)
            0x041c floor_n "floor" math (dst: inout N);
            /// `I(dst) := ` the largest integral value <= N(src); Inf or NaN throws "Invalid number"
            0x041d floor_i_n "floor" math (dst: out I, src: in Nx);
            /// `N(dst) := ` the largest integral value <= N(src)
            0x041e floor_n_n "floor" math (dst: out N, src: in Nx);
            /// `N(dst) := I(src)` as a number
            0x041f floor_n_i "floor" math (dst: out N, src: in I);
            /// `N(dst) := ` the smallest integral value >= N(dst)
            0x0420 ceil_n "ceil" math (dst: inout N);
            /// `I(dst) := ` the smallest integral value >= N(src); Inf or NaN throws "Invalid number"
            0x0421 ceil_i_n "ceil" math (dst: out I, src: in Nx);
            /// `N(dst) := ` the smallest integral value >= N(src)
            0x0422 ceil_n_n "ceil" math (dst: out N, src: in Nx);
            /// `N(dst) := I(src)` as a number
            0x0423 ceil_n_i "ceil" math (dst: out N, src: in I);
            /// `I(dst) := ` 1 if N(src) is Inf, -Inf or NaN, else 0
            0x0424 is_inf_or_nan_i_n "is_inf_or_nan" math (dst: out I, src: in Nx);
            /// `N(dst) := acos(N(src))`
            0x0425 acos_n_n "acos" math (dst: out N, src: in Nx);
            /// `N(dst) := acos(I(src))`
            0x0426 acos_n_i "acos" math (dst: out N, src: in I);
            /// `N(dst) := atan(1/N(src))`
            0x0427 acot_n_n "acot" math (dst: out N, src: in Nx);
            /// `N(dst) := atan(1/I(src))`
            0x0428 acot_n_i "acot" math (dst: out N, src: in I);
            /// `N(dst) := acos(1/N(src))`
            0x0429 asec_n_n "asec" math (dst: out N, src: in Nx);
            /// `N(dst) := acos(1/I(src))`
            0x042a asec_n_i "asec" math (dst: out N, src: in I);
            /// `N(dst) := asin(N(src))`
            0x042b asin_n_n "asin" math (dst: out N, src: in Nx);
            /// `N(dst) := asin(I(src))`
            0x042c asin_n_i "asin" math (dst: out N, src: in I);
            /// `N(dst) := atan(N(src))`
            0x042d atan_n_n "atan" math (dst: out N, src: in Nx);
            /// `N(dst) := atan(I(src))`
            0x042e atan_n_i "atan" math (dst: out N, src: in I);
            /// `N(dst) := cos(N(src))`
            0x042f cos_n_n "cos" math (dst: out N, src: in Nx);
            /// `N(dst) := cos(I(src))`
            0x0430 cos_n_i "cos" math (dst: out N, src: in I);
            /// `N(dst) := cosh(N(src))`
            0x0431 cosh_n_n "cosh" math (dst: out N, src: in Nx);
            /// `N(dst) := cosh(I(src))`
            0x0432 cosh_n_i "cosh" math (dst: out N, src: in I);
            /// `N(dst) := 1/tan(N(src))`
            0x0433 cot_n_n "cot" math (dst: out N, src: in Nx);
            /// `N(dst) := 1/tan(I(src))`
            0x0434 cot_n_i "cot" math (dst: out N, src: in I);
            /// `N(dst) := 1/tanh(N(src))`
            0x0435 coth_n_n "coth" math (dst: out N, src: in Nx);
            /// `N(dst) := 1/tanh(I(src))`
            0x0436 coth_n_i "coth" math (dst: out N, src: in I);
            /// `N(dst) := 1/sin(N(src))`
            0x0437 csc_n_n "csc" math (dst: out N, src: in Nx);
            /// `N(dst) := 1/sin(I(src))`
            0x0438 csc_n_i "csc" math (dst: out N, src: in I);
            /// `N(dst) := e ** N(src)`
            0x0439 exp_n_n "exp" math (dst: out N, src: in Nx);
            /// `N(dst) := e ** I(src)`
            0x043a exp_n_i "exp" math (dst: out N, src: in I);
            /// `N(dst) := log(N(src))`
            0x043b ln_n_n "ln" math (dst: out N, src: in Nx);
            /// `N(dst) := log(I(src))`
            0x043c ln_n_i "ln" math (dst: out N, src: in I);
            /// `N(dst) := log10(N(src))`
            0x043d log10_n_n "log10" math (dst: out N, src: in Nx);
            /// `N(dst) := log10(I(src))`
            0x043e log10_n_i "log10" math (dst: out N, src: in I);
            /// `N(dst) := log(N(src)) / log(2)`
            0x043f log2_n_n "log2" math (dst: out N, src: in Nx);
            /// `N(dst) := log(I(src)) / log(2)`
            0x0440 log2_n_i "log2" math (dst: out N, src: in I);
            /// `N(dst) := 1/cos(N(src))`
            0x0441 sec_n_n "sec" math (dst: out N, src: in Nx);
            /// `N(dst) := 1/cos(I(src))`
            0x0442 sec_n_i "sec" math (dst: out N, src: in I);
            /// `N(dst) := 1/cosh(N(src))`
            0x0443 sech_n_n "sech" math (dst: out N, src: in Nx);
            /// `N(dst) := 1/cosh(I(src))`
            0x0444 sech_n_i "sech" math (dst: out N, src: in I);
            /// `N(dst) := sin(N(src))`
            0x0445 sin_n_n "sin" math (dst: out N, src: in Nx);
            /// `N(dst) := sin(I(src))`
            0x0446 sin_n_i "sin" math (dst: out N, src: in I);
            /// `N(dst) := sinh(N(src))`
            0x0447 sinh_n_n "sinh" math (dst: out N, src: in Nx);
            /// `N(dst) := sinh(I(src))`
            0x0448 sinh_n_i "sinh" math (dst: out N, src: in I);
            /// `N(dst) := tan(N(src))`
            0x0449 tan_n_n "tan" math (dst: out N, src: in Nx);
            /// `N(dst) := tan(I(src))`
            0x044a tan_n_i "tan" math (dst: out N, src: in I);
            /// `N(dst) := tanh(N(src))`
            0x044b tanh_n_n "tanh" math (dst: out N, src: in Nx);
            /// `N(dst) := tanh(I(src))`
            0x044c tanh_n_i "tanh" math (dst: out N, src: in I);
            /// `N(dst) := 1 - sin(N(src))`
            0x044d covers_n_n "covers" math (dst: out N, src: in Nx);
            /// `N(dst) := 1 - sin(I(src))`
            0x044e covers_n_i "covers" math (dst: out N, src: in I);
            /// `N(dst) := 1/cos(N(src)) - 1`
            0x044f exsec_n_n "exsec" math (dst: out N, src: in Nx);
            /// `N(dst) := 1/cos(I(src)) - 1`
            0x0450 exsec_n_i "exsec" math (dst: out N, src: in I);
            /// `N(dst) := (1 - cos(N(src))) / 2`
            0x0451 hav_n_n "hav" math (dst: out N, src: in Nx);
            /// `N(dst) := (1 - cos(I(src))) / 2`
            0x0452 hav_n_i "hav" math (dst: out N, src: in I);
            /// `N(dst) := 1 - cos(N(src))`
            0x0453 vers_n_n "vers" math (dst: out N, src: in Nx);
            /// `N(dst) := 1 - cos(I(src))`
            0x0454 vers_n_i "vers" math (dst: out N, src: in I);
            /// `N(dst) := atan2(N(lhs), N(rhs))`
            0x0455 atan_n_n_n "atan" math (dst: out N, lhs: in Nx, rhs: in Nx);
            /// `N(dst) := atan2(I(lhs), N(rhs))`
            0x0456 atan_n_i_n "atan" math (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := atan2(N(lhs), I(rhs))`
            0x0457 atan_n_n_i "atan" math (dst: out N, lhs: in Nx, rhs: in I);
            /// `N(dst) := atan2(I(lhs), I(rhs))`
            0x0458 atan_n_i_i "atan" math (dst: out N, lhs: in I, rhs: in I);
            /// `N(dst) := lhs ** I(rhs)` by repeated squaring
            0x0459 pow_n_nc_i "pow" math (dst: out N, lhs: in Nc, rhs: in I);
            /// `N(dst) := I(lhs) ** N(rhs)`
            0x045a pow_n_i_n "pow" math (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := I(lhs) ** I(rhs)`, both as numbers
            0x045b pow_n_i_i "pow" math (dst: out N, lhs: in I, rhs: in Ix);
            /// `P(dst) := ` a new PMC (of P(dst)'s type, or Float) holding `P(lhs) ** P(rhs)`
            0x045c pow_p_p_p "pow" math (dst: inout P, lhs: in P, rhs: in P);
            /// `P(dst) := ` a new PMC holding `P(lhs) ** I(rhs)`
            0x045d pow_p_p_i "pow" math (dst: inout P, lhs: in P, rhs: in Ix);
            /// `P(dst) := ` a new PMC holding `P(lhs) ** N(rhs)`
            0x045e pow_p_p_n "pow" math (dst: inout P, lhs: in P, rhs: in Nx);
            /// `I(dst) := I(lhs) % I(rhs)`, C's truncating remainder; by zero throws
            0x045f cmod_i_i_i "cmod" math (dst: out I, lhs: in Ix, rhs: in Ix);
            /// `N(dst) := fmod(N(lhs), N(rhs))`; by zero throws
            0x0460 cmod_n_n_n "cmod" math (dst: out N, lhs: in Nx, rhs: in Nx);
            /// `N(dst) := fmod(I(lhs), N(rhs))`; by zero throws
            0x0461 cmod_n_i_n "cmod" math (dst: out N, lhs: in I, rhs: in Nx);
            /// `N(dst) := fmod(N(lhs), I(rhs))`; by zero throws
            0x0462 cmod_n_n_i "cmod" math (dst: out N, lhs: in Nx, rhs: in I);
            /// `N(dst) := fmod(I(lhs), I(rhs))`; by zero throws
            0x0463 cmod_n_i_i "cmod" math (dst: out N, lhs: in I, rhs: in I);
            /// `P(dst) := ` a new PMC of P(lhs)'s type holding `int(P(lhs)) % I(rhs)`
            0x0464 cmod_p_p_i "cmod" math (dst: out P, lhs: in P, rhs: in Ix);
            /// `P(dst) := ` a new PMC of P(lhs)'s type holding `int(P(lhs)) % int(P(rhs))`
            0x0465 cmod_p_p_p "cmod" math (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := ` a new PMC of P(lhs)'s type holding `int(fmod(P(lhs), N(rhs)))`
            0x0466 cmod_p_p_n "cmod" math (dst: out P, lhs: in P, rhs: in Nx);
            /// `N(dst) := ` a random number in [0, 1)
            0x0467 rand_n "rand" math (dst: out N);
            /// `I(dst) := ` a random integer in [-2^31, 2^31)
            0x0468 rand_i "rand" math (dst: out I);
            /// `N(dst) := ` a random number in [0, N(max))
            0x0469 rand_n_n "rand" math (dst: out N, max: in Nx);
            /// `N(dst) := ` a random number in [0, I(max))
            0x046a rand_n_i "rand" math (dst: out N, max: in I);
            /// `I(dst) := ` a random integer in [0, I(max)]
            0x046b rand_i_i "rand" math (dst: out I, max: in Ix);
            /// `N(dst) := ` a random number in [N(min), N(max))
            0x046c rand_n_n_n "rand" math (dst: out N, min: in Nx, max: in Nx);
            /// `I(dst) := ` a random integer in [I(min), I(max)]
            0x046d rand_i_i_i "rand" math (dst: out I, min: in Ix, max: in Ix);
            /// seeds the random numbers with `int(N(seed))`
            0x046e srand_n "srand" math (seed: in Nx);
            /// seeds the random numbers with I(seed)
            0x046f srand_i "srand" math (seed: in Ix);
            /// `I(dst) := ` the greatest common divisor of I(lhs) and I(rhs)
            0x0470 gcd_i_i_i "gcd" math (dst: out I, lhs: in Ix, rhs: in Ix);
            /// `I(dst) := ` the least common multiple of I(lhs) and I(rhs)
            0x0471 lcm_i_i_i "lcm" math (dst: out I, lhs: in Ix, rhs: in Ix);
            /// `I(dst) := I(src)!` (wraps; 1 for 0 and below)
            0x0472 fact_i_i "fact" math (dst: out I, src: in Ix);
            /// `N(dst) := I(src)!` as a number
            0x0473 fact_n_i "fact" math (dst: out N, src: in Ix);
            /// if `I(lhs) == N(rhs)` as numbers, `pc := target`
            0x0474 eq_i_n_ic "eq" cmp (lhs: in I, rhs: in Nx, target: in L);
            /// if `N(lhs) == I(rhs)` as numbers, `pc := target`
            0x0475 eq_n_i_ic "eq" cmp (lhs: in Nx, rhs: in I, target: in L);
            /// if `I(lhs) != N(rhs)` as numbers, `pc := target`
            0x0476 ne_i_n_ic "ne" cmp (lhs: in I, rhs: in Nx, target: in L);
            /// if `N(lhs) != I(rhs)` as numbers, `pc := target`
            0x0477 ne_n_i_ic "ne" cmp (lhs: in Nx, rhs: in I, target: in L);
            /// if `I(lhs) < N(rhs)` as numbers, `pc := target`
            0x0478 lt_i_n_ic "lt" cmp (lhs: in I, rhs: in Nx, target: in L);
            /// if `N(lhs) < I(rhs)` as numbers, `pc := target`
            0x0479 lt_n_i_ic "lt" cmp (lhs: in Nx, rhs: in I, target: in L);
            /// if `I(lhs) <= N(rhs)` as numbers, `pc := target`
            0x047a le_i_n_ic "le" cmp (lhs: in I, rhs: in Nx, target: in L);
            /// if `N(lhs) <= I(rhs)` as numbers, `pc := target`
            0x047b le_n_i_ic "le" cmp (lhs: in Nx, rhs: in I, target: in L);
            /// if `I(lhs) > N(rhs)` as numbers, `pc := target`
            0x047c gt_i_n_ic "gt" cmp (lhs: in I, rhs: in Nx, target: in L);
            /// if `N(lhs) > I(rhs)` as numbers, `pc := target`
            0x047d gt_n_i_ic "gt" cmp (lhs: in Nx, rhs: in I, target: in L);
            /// if `I(lhs) >= N(rhs)` as numbers, `pc := target`
            0x047e ge_i_n_ic "ge" cmp (lhs: in I, rhs: in Nx, target: in L);
            /// if `N(lhs) >= I(rhs)` as numbers, `pc := target`
            0x047f ge_n_i_ic "ge" cmp (lhs: in Nx, rhs: in I, target: in L);
            /// if `str(P(lhs)) == str(P(rhs))`, `pc := target`
            0x0480 eq_str_p_p_ic "eq_str" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `num(P(lhs)) == num(P(rhs))`, `pc := target`
            0x0481 eq_num_p_p_ic "eq_num" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `str(P(lhs)) != str(P(rhs))`, `pc := target`
            0x0482 ne_str_p_p_ic "ne_str" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `num(P(lhs)) != num(P(rhs))`, `pc := target`
            0x0483 ne_num_p_p_ic "ne_num" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `str(P(lhs)) < str(P(rhs))`, `pc := target`
            0x0484 lt_str_p_p_ic "lt_str" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `num(P(lhs)) < num(P(rhs))`, `pc := target`
            0x0485 lt_num_p_p_ic "lt_num" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `str(P(lhs)) <= str(P(rhs))`, `pc := target`
            0x0486 le_str_p_p_ic "le_str" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `num(P(lhs)) <= num(P(rhs))`, `pc := target`
            0x0487 le_num_p_p_ic "le_num" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `str(P(lhs)) > str(P(rhs))`, `pc := target`
            0x0488 gt_str_p_p_ic "gt_str" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `num(P(lhs)) > num(P(rhs))`, `pc := target`
            0x0489 gt_num_p_p_ic "gt_num" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `str(P(lhs)) >= str(P(rhs))`, `pc := target`
            0x048a ge_str_p_p_ic "ge_str" cmp (lhs: in P, rhs: in P, target: in L);
            /// if `num(P(lhs)) >= num(P(rhs))`, `pc := target`
            0x048b ge_num_p_p_ic "ge_num" cmp (lhs: in P, rhs: in P, target: in L);
            /// if S(lhs) and S(rhs) are the same string, `pc := target`
            0x048c eq_addr_s_s_ic "eq_addr" cmp (lhs: in Sx, rhs: in Sx, target: in L);
            /// if S(lhs) and S(rhs) are different strings, `pc := target`
            0x048d ne_addr_s_s_ic "ne_addr" cmp (lhs: in Sx, rhs: in Sx, target: in L);
            /// if S(src) is null, `pc := target`
            0x048e if_null_s_ic "if_null" cmp (src: in S, target: in L);
            /// unless S(src) is null, `pc := target`
            0x048f unless_null_s_ic "unless_null" cmp (src: in S, target: in L);
            /// `I(dst) := -1, 0 or 1` comparing `int(P(lhs))` with I(rhs)
            0x0490 cmp_i_p_i "cmp" cmp (dst: out I, lhs: in P, rhs: in Ix);
            /// `I(dst) := -1, 0 or 1` comparing `num(P(lhs))` with N(rhs)
            0x0491 cmp_i_p_n "cmp" cmp (dst: out I, lhs: in P, rhs: in Nx);
            /// `I(dst) := -1, 0 or 1` comparing `str(P(lhs))` with S(rhs)
            0x0492 cmp_i_p_s "cmp" cmp (dst: out I, lhs: in P, rhs: in Sx);
            /// `I(dst) := -1, 0 or 1` comparing the PMCs as strings
            0x0493 cmp_str_i_p_p "cmp_str" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := -1, 0 or 1` comparing the PMCs as numbers
            0x0494 cmp_num_i_p_p "cmp_num" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `P(dst) := ` the PMC comparison of P(lhs) and P(rhs) (null when they are the same PMC)
            0x0495 cmp_pmc_p_p_p "cmp_pmc" cmp (dst: out P, lhs: in P, rhs: in P);
            /// `I(dst) := ` 1 if S(lhs) and S(rhs) are the same string
            0x0496 issame_i_s_s "issame" cmp (dst: out I, lhs: in Sx, rhs: in Sx);
            /// `I(dst) := ` 1 unless P(lhs) and P(rhs) are the same PMC
            0x0497 isntsame_i_p_p "isntsame" cmp (dst: out I, lhs: in P, rhs: in P);
            /// `I(dst) := ` 1 unless S(lhs) and S(rhs) are the same string
            0x0498 isntsame_i_s_s "isntsame" cmp (dst: out I, lhs: in Sx, rhs: in Sx);
            /// `I(dst) := ` the truth of P(src), 1 or 0
            0x0499 istrue_i_p "istrue" cmp (dst: out I, src: in P);
            /// `I(dst) := ` 1 if P(src) is false, else 0
            0x049a isfalse_i_p "isfalse" cmp (dst: out I, src: in P);
            /// `I(dst) := ` -1, 0 or 1 from two numbers (the constant-only form)
            0x049b cmp_i_nc_nc "cmp" cmp (dst: out I, lhs: in Nc, rhs: in Nx);
            /// `I(dst) := ` -1, 0 or 1 from two string constants
            0x049c cmp_i_sc_sc "cmp" cmp (dst: out I, lhs: in Sc, rhs: in Sc);
            /// `I(dst) := ` 1 or 0 from two numbers (the constant-only form)
            0x049d iseq_i_nc_nc "iseq" cmp (dst: out I, lhs: in Nc, rhs: in Nx);
            /// `I(dst) := ` 1 or 0 from two string constants
            0x049e iseq_i_sc_sc "iseq" cmp (dst: out I, lhs: in Sc, rhs: in Sc);
            /// `I(dst) := ` 1 or 0 from two numbers (the constant-only form)
            0x049f isne_i_nc_nc "isne" cmp (dst: out I, lhs: in Nc, rhs: in Nx);
            /// `I(dst) := ` 1 or 0 from two string constants
            0x04a0 isne_i_sc_sc "isne" cmp (dst: out I, lhs: in Sc, rhs: in Sc);
            /// `I(dst) := ` 1 or 0 from two numbers (the constant-only form)
            0x04a1 islt_i_nc_nc "islt" cmp (dst: out I, lhs: in Nc, rhs: in Nx);
            /// `I(dst) := ` 1 or 0 from two string constants
            0x04a2 islt_i_sc_sc "islt" cmp (dst: out I, lhs: in Sc, rhs: in Sc);
            /// `I(dst) := ` 1 or 0 from two numbers (the constant-only form)
            0x04a3 isle_i_nc_nc "isle" cmp (dst: out I, lhs: in Nc, rhs: in Nx);
            /// `I(dst) := ` 1 or 0 from two string constants
            0x04a4 isle_i_sc_sc "isle" cmp (dst: out I, lhs: in Sc, rhs: in Sc);
            /// `I(dst) := ` 1 or 0 from two numbers (the constant-only form)
            0x04a5 isgt_i_nc_nc "isgt" cmp (dst: out I, lhs: in Nc, rhs: in Nx);
            /// `I(dst) := ` 1 or 0 from two string constants
            0x04a6 isgt_i_sc_sc "isgt" cmp (dst: out I, lhs: in Sc, rhs: in Sc);
            /// `I(dst) := ` 1 or 0 from two numbers (the constant-only form)
            0x04a7 isge_i_nc_nc "isge" cmp (dst: out I, lhs: in Nc, rhs: in Nx);
            /// `I(dst) := ` 1 or 0 from two string constants
            0x04a8 isge_i_sc_sc "isge" cmp (dst: out I, lhs: in Sc, rhs: in Sc);
            /// `P(dst) := P(lhs)` if it is false, else P(rhs)
            0x04a9 and_p_p_p "and" cmp (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := P(lhs)` if it is true, else P(rhs)
            0x04aa or_p_p_p "or" cmp (dst: out P, lhs: in P, rhs: in P);
            /// `P(dst) := ` the one that is true if only one is, else a new false PMC of P(lhs)'s type
            0x04ab xor_p_p_p "xor" cmp (dst: out P, lhs: in P, rhs: in P);
            /// sets P(dst) to the negation of its truth
            0x04ac not_p "not" cmp (dst: in P);
            /// sets P(dst) (a new Boolean if null) to the negation of P(src)'s truth
            0x04ad not_p_p "not" cmp (dst: inout P, src: in P);
            /// `P(dst) := str(P(dst)) and S(rhs)`, bytewise
            0x04ae bands_p_s "bands" bits (dst: in P, rhs: in Sx);
            /// `P(dst) := str(P(dst)) and str(P(rhs))`, bytewise
            0x04af bands_p_p "bands" bits (dst: in P, rhs: in P);
            /// `S(dst) := S(lhs) and S(rhs)`, bytewise (a binary string)
            0x04b0 bands_s_s_s "bands" bits (dst: out S, lhs: in Sx, rhs: in Sx);
            /// sets P(dst) to `str(P(lhs)) and S(rhs)`
            0x04b1 bands_p_p_s "bands" bits (dst: in P, lhs: in P, rhs: in Sx);
            /// sets P(dst) to `str(P(lhs)) and str(P(rhs))`
            0x04b2 bands_p_p_p "bands" bits (dst: in P, lhs: in P, rhs: in P);
            /// `P(dst) := str(P(dst)) or S(rhs)`, bytewise
            0x04b3 bors_p_s "bors" bits (dst: in P, rhs: in Sx);
            /// `P(dst) := str(P(dst)) or str(P(rhs))`, bytewise
            0x04b4 bors_p_p "bors" bits (dst: in P, rhs: in P);
            /// `S(dst) := S(lhs) or S(rhs)`, bytewise (a binary string)
            0x04b5 bors_s_s_s "bors" bits (dst: out S, lhs: in Sx, rhs: in Sx);
            /// sets P(dst) to `str(P(lhs)) or S(rhs)`
            0x04b6 bors_p_p_s "bors" bits (dst: in P, lhs: in P, rhs: in Sx);
            /// sets P(dst) to `str(P(lhs)) or str(P(rhs))`
            0x04b7 bors_p_p_p "bors" bits (dst: in P, lhs: in P, rhs: in P);
            /// `P(dst) := str(P(dst)) xor S(rhs)`, bytewise
            0x04b8 bxors_p_s "bxors" bits (dst: in P, rhs: in Sx);
            /// `P(dst) := str(P(dst)) xor str(P(rhs))`, bytewise
            0x04b9 bxors_p_p "bxors" bits (dst: in P, rhs: in P);
            /// `S(dst) := S(lhs) xor S(rhs)`, bytewise (a binary string)
            0x04ba bxors_s_s_s "bxors" bits (dst: out S, lhs: in Sx, rhs: in Sx);
            /// sets P(dst) to `str(P(lhs)) xor S(rhs)`
            0x04bb bxors_p_p_s "bxors" bits (dst: in P, lhs: in P, rhs: in Sx);
            /// sets P(dst) to `str(P(lhs)) xor str(P(rhs))`
            0x04bc bxors_p_p_p "bxors" bits (dst: in P, lhs: in P, rhs: in P);
            /// `S(dst) := ` S(src) with every byte inverted (a binary string)
            0x04bd bnots_s_s "bnots" bits (dst: out S, src: in Sx);
            /// inverts every byte of the string in P(dst)
            0x04be bnots_p "bnots" bits (dst: in P);
            /// sets P(dst) to the string of P(src) with every byte inverted
            0x04bf bnots_p_p "bnots" bits (dst: in P, src: in P);
            /// `I(dst) := ` the low `width` bits of I(src) rotated left by I(by) (right if negative)
            0x04c0 rot_i_i_i_ic "rot" bits (dst: out I, src: in Ix, by: in Ix, width: in Ic);
            /// sets P(dst) to `int(P(dst)) & I(rhs)`
            0x04c1 band_p_i "band" bits (dst: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(dst)) & int(P(rhs))`
            0x04c2 band_p_p "band" bits (dst: in P, rhs: in P);
            /// sets P(dst) to `int(P(lhs)) & I(rhs)`
            0x04c3 band_p_p_i "band" bits (dst: in P, lhs: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(lhs)) & int(P(rhs))`
            0x04c4 band_p_p_p "band" bits (dst: in P, lhs: in P, rhs: in P);
            /// sets P(dst) to `int(P(dst)) | I(rhs)`
            0x04c5 bor_p_i "bor" bits (dst: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(dst)) | int(P(rhs))`
            0x04c6 bor_p_p "bor" bits (dst: in P, rhs: in P);
            /// sets P(dst) to `int(P(lhs)) | I(rhs)`
            0x04c7 bor_p_p_i "bor" bits (dst: in P, lhs: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(lhs)) | int(P(rhs))`
            0x04c8 bor_p_p_p "bor" bits (dst: in P, lhs: in P, rhs: in P);
            /// sets P(dst) to `int(P(dst)) ^ I(rhs)`
            0x04c9 bxor_p_i "bxor" bits (dst: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(dst)) ^ int(P(rhs))`
            0x04ca bxor_p_p "bxor" bits (dst: in P, rhs: in P);
            /// sets P(dst) to `int(P(lhs)) ^ I(rhs)`
            0x04cb bxor_p_p_i "bxor" bits (dst: in P, lhs: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(lhs)) ^ int(P(rhs))`
            0x04cc bxor_p_p_p "bxor" bits (dst: in P, lhs: in P, rhs: in P);
            /// sets P(dst) to `int(P(dst)) << I(rhs)`
            0x04cd shl_p_i "shl" bits (dst: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(dst)) << int(P(rhs))`
            0x04ce shl_p_p "shl" bits (dst: in P, rhs: in P);
            /// sets P(dst) to `int(P(lhs)) << I(rhs)`
            0x04cf shl_p_p_i "shl" bits (dst: in P, lhs: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(lhs)) << int(P(rhs))`
            0x04d0 shl_p_p_p "shl" bits (dst: in P, lhs: in P, rhs: in P);
            /// sets P(dst) to `int(P(dst)) >> I(rhs)`
            0x04d1 shr_p_i "shr" bits (dst: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(dst)) >> int(P(rhs))`
            0x04d2 shr_p_p "shr" bits (dst: in P, rhs: in P);
            /// sets P(dst) to `int(P(lhs)) >> I(rhs)`
            0x04d3 shr_p_p_i "shr" bits (dst: in P, lhs: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(lhs)) >> int(P(rhs))`
            0x04d4 shr_p_p_p "shr" bits (dst: in P, lhs: in P, rhs: in P);
            /// sets P(dst) to `int(P(dst)) >>> I(rhs)`
            0x04d5 lsr_p_i "lsr" bits (dst: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(dst)) >>> int(P(rhs))`
            0x04d6 lsr_p_p "lsr" bits (dst: in P, rhs: in P);
            /// sets P(dst) to `int(P(lhs)) >>> I(rhs)`
            0x04d7 lsr_p_p_i "lsr" bits (dst: in P, lhs: in P, rhs: in Ix);
            /// sets P(dst) to `int(P(lhs)) >>> int(P(rhs))`
            0x04d8 lsr_p_p_p "lsr" bits (dst: in P, lhs: in P, rhs: in P);
            /// sets P(dst) to `~int(P(dst))`
            0x04d9 bnot_p "bnot" bits (dst: in P);
            /// `P(dst) := ` a new PMC of P(src)'s type holding `~int(P(src))`
            0x04da bnot_p_p "bnot" bits (dst: out P, src: in P);
            /// `I(dst) := ` the last character position of S(needle) in S(haystack), or -1
            0x0500 rindex_i_s_s "rindex" string (dst: out I, haystack: in Sx, needle: in Sx);
            /// `I(dst) := ` the last position of S(needle) in S(haystack) starting before I(start), or -1
            0x0501 rindex_i_s_s_i "rindex" string (dst: out I, haystack: in Sx, needle: in Sx, start: in Ix);
            /// `S(dst) := S(src)` without its last I(count) characters (a negative count keeps -count)
            0x0502 chopn_s_s_i "chopn" string (dst: out S, src: in Sx, count: in Ix);
            /// `S(dst) := ` S(src) with control and non-ASCII characters as `\n`, `\x{..}`, `\u....` (ascii)
            0x0503 escape_s_s "escape" string (dst: out S, src: in Sx);
            /// `S(dst) := ` S(src) in Unicode normal form C
            0x0504 compose_s_s "compose" string (dst: out S, src: in Sx);
            /// `S(dst) := ` S(src) case-folded
            0x0505 foldcase_s_s "foldcase" string (dst: out S, src: in Sx);
            /// `I(dst) := ` the number of the encoding of S(src)
            0x0506 encoding_i_s "encoding" string (dst: out I, src: in Sx);
            /// `S(dst) := ` the name of encoding number I(num), or the null string
            0x0507 encodingname_s_i "encodingname" string (dst: out S, num: in Ix);
            /// `I(dst) := ` the number of the encoding named S(name)
            0x0508 find_encoding_i_s "find_encoding" string (dst: out I, name: in Sx);
            /// `S(dst) := ` S(src) in encoding number I(enc)
            0x0509 trans_encoding_s_s_i "trans_encoding" string (dst: out S, src: in Sx, enc: in Ix);
            /// `I(dst) := 1` if the character of S(src) at I(pos) is in the classes I(flags), else 0
            0x050a is_cclass_i_i_s_i "is_cclass" string (dst: out I, flags: in Ix, src: in Sx, pos: in Ix);
            /// `I(dst) := ` the first position from I(offset), within I(count), of a character in the classes I(flags)
            0x050b find_cclass_i_i_s_i_i "find_cclass" string (dst: out I, flags: in Ix, src: in Sx, offset: in Ix, count: in Ix);
            /// `I(dst) := ` the first position from I(offset), within I(count), of a character not in the classes I(flags)
            0x050c find_not_cclass_i_i_s_i_i "find_not_cclass" string (dst: out I, flags: in Ix, src: in Sx, offset: in Ix, count: in Ix);
            /// `I(dst) := ` the code point named S(name), or -1
            0x050d find_codepoint_i_s "find_codepoint" string (dst: out I, name: in Sx);
            /// `I(dst) := ` the fact I(what) (`stringinfo.pasm`) about S(src)
            0x050e stringinfo_i_s_i "stringinfo" string (dst: out I, src: in Sx, what: in Ix);
            /// `S(dst) := ""`
            0x050f new_s "new" string (dst: out S);
            /// `S(dst) := ` I(count) characters of P(src)'s string from I(offset)
            0x0510 substr_s_p_i_i "substr" string (dst: out S, src: in P, offset: in Ix, count: in Ix);
            /// `P(dst) := ` a new String, P(src)'s string I(count) times
            0x0511 repeat_p_p_i "repeat" string (dst: out P, src: in P, count: in Ix);
            /// `P(dst) := ` a new String, P(src)'s string P(count) times
            0x0512 repeat_p_p_p "repeat" string (dst: out P, src: in P, count: in P);
            /// `P(dst) := ` P(dst)'s string I(count) times
            0x0513 repeat_p_i "repeat" string (dst: inout P, count: in Ix);
            /// `P(dst) := ` P(dst)'s string P(count) times
            0x0514 repeat_p_p "repeat" string (dst: inout P, count: in P);
            /// `P(dst) := P(dst) . P(rhs)` in place
            0x0515 concat_p_p "concat" string (dst: inout P, rhs: in P);
            /// keeps S(dst) where it is (Kea's strings never move)
            0x0516 pin_s "pin" string (dst: inout S);
            /// lets S(dst) move again (Kea's strings never move)
            0x0517 unpin_s "unpin" string (dst: inout S);
            /// collects garbage now if `kind` is 1; if 0, only when a PMC asked for it (`needs_destroy`)
            0x0520 sweep_ic "sweep" gc (kind: in Ic);
            /// collects garbage now
            0x0521 collect "collect" gc ();
            /// no collection until the matching `sweepon` (nestable)
            0x0522 sweepoff "sweepoff" gc ();
            /// ends one `sweepoff`
            0x0523 sweepon "sweepon" gc ();
            /// no collection until the matching `collecton` (nestable)
            0x0524 collectoff "collectoff" gc ();
            /// ends one `collectoff`
            0x0525 collecton "collecton" gc ();
            /// P(obj) wants collecting as soon as it is unreachable: `sweep 0` collects
            0x0526 needs_destroy_p "needs_destroy" gc (obj: in P);
            /// leaves the handler of the exception P(exc) for good (Kea's one run loop has nothing to unwind)
            0x0527 finalize_p "finalize" gc (exc: in P);
            /// `P(dst) := ` the ParrotInterpreter PMC
            0x0530 getinterp_p "getinterp" introspect (dst: out P);
            /// `I(dst) := ` the fact I(what) (`interpinfo.pasm`) about the interpreter
            0x0531 interpinfo_i_i "interpinfo" introspect (dst: out I, what: in Ix);
            /// `P(dst) := ` the PMC fact I(what) (`interpinfo.pasm`): the current sub or continuation
            0x0532 interpinfo_p_i "interpinfo" introspect (dst: out P, what: in Ix);
            /// `S(dst) := ` the string fact I(what) (`interpinfo.pasm`): executable, runcore, OS, CPU
            0x0533 interpinfo_s_i "interpinfo" introspect (dst: out S, what: in Ix);
            /// turns on the error categories I(flags) (`errors.pasm`)
            0x0534 errorson_i "errorson" introspect (flags: in Ix);
            /// turns off the error categories I(flags) (`errors.pasm`)
            0x0535 errorsoff_i "errorsoff" introspect (flags: in Ix);
            /// turns on the warning categories I(flags) (`warnings.pasm`)
            0x0536 warningson_i "warningson" introspect (flags: in Ix);
            /// turns off the warning categories I(flags) (`warnings.pasm`)
            0x0537 warningsoff_i "warningsoff" introspect (flags: in Ix);
            /// sets the trace flags to I(flags) (0: off)
            0x0538 trace_i "trace" introspect (flags: in Ix);
            /// switches to the run core named S(name) (Kea has one; every Parrot core name is accepted)
            0x0539 set_runcore_s "set_runcore" introspect (name: in Sx);
            /// sets the debug flags to I(flags) (0: off)
            0x053a debug_i "debug" introspect (flags: in Ix);
            /// turns bytecode bounds checking on or off (Kea always checks)
            0x053b bounds_i "bounds" introspect (on: in Ix);
            /// turns profiling on or off (Kea keeps the flag)
            0x053c profile_i "profile" introspect (on: in Ix);
            /// turns the collector's debug mode on or off (Kea keeps the flag)
            0x053d gc_debug_i "gc_debug" introspect (on: in Ix);
            /// sets the address P(handler) resumes at to target, as `set_addr`
            0x0540 set_label_p_ic "set_label" exception (handler: in P, target: in L);
            /// `I(dst) := ` the address P(obj) resumes at (a handler) or starts at (a sub)
            0x0541 get_label_i_p "get_label" exception (dst: out I, obj: in P);
            /// `I(dst) := ` the address of target (for `jump`)
            0x0542 set_addr_i_ic "set_addr" control (dst: out I, target: in L);
            /// `I(dst) := ` the address P(obj) resumes at (a handler) or starts at (a sub)
            0x0543 get_addr_i_p "get_addr" control (dst: out I, obj: in P);
            /// `P(dst) := ` a new PMC of the class named S(class), initialised from I(init) (an array's size)
            0x0600 new_p_s_i "new" pmcops (dst: out P, class: in Sx, init: in Ix);
            /// `I(dst) := ` system fact I(what) (`sysinfo.pasm`): sizes of Parrot's types, INTVAL min and max; -1 for another code
            0x0700 sysinfo_i_i "sysinfo" sys (dst: out I, what: in Ix);
            /// `S(dst) := ` system fact I(what) (`sysinfo.pasm`): the OS, its version, the CPU; "" for another code
            0x0701 sysinfo_s_i "sysinfo" sys (dst: out S, what: in Ix);
            /// `S(dst) := ` the UTC time I(time) (Unix seconds) as C's `asctime` writes it: `Thu Jan  1 00:00:00 1970\n`
            0x0702 gmtime_s_i "gmtime" sys (dst: out S, time: in Ix);
            /// `S(dst) := ` the local time at I(time) as `gmtime` writes it, in the host's time zone
            0x0703 localtime_s_i "localtime" sys (dst: out S, time: in Ix);
            /// `P(dst) := ` a FixedIntegerArray of the UTC time I(time) (`tm.pasm`: sec min hour mday mon year wday yday isdst)
            0x0704 decodetime_p_i "decodetime" sys (dst: out P, time: in Ix);
            /// `P(dst) := ` a FixedIntegerArray of the local time at I(time), as `decodetime`
            0x0705 decodelocaltime_p_i "decodelocaltime" sys (dst: out P, time: in Ix);
            /// `I(dst) := ` the last OS error number (C's `errno`)
            0x0706 err_i "err" sys (dst: out I);
            /// `S(dst) := ` the OS's text for the last OS error (`strerror(errno)`)
            0x0707 err_s "err" sys (dst: out S);
            /// `S(dst) := ` the OS's text for error number I(code)
            0x0708 err_s_i "err" sys (dst: out S, code: in Ix);
            /// `S(dst) := ` the name of the file the running code came from
            0x0709 getfile_s "getfile" sys (dst: out S);
            /// `I(dst) := ` the line of the running op in its file
            0x070a getline_i "getline" sys (dst: out I);
            /// `P(dst) := ` the library S(name) as a ParrotLibrary (one of Kea's built-in dynop libraries), else an Undef
            0x070b loadlib_p_s "loadlib" sys (dst: out P, name: in Sx);
            /// `loadlib` with flags P(flags) (`dlopenflags.pasm`; Kea loads nothing, so they change nothing)
            0x070c loadlib_p_s_p "loadlib" sys (dst: out P, name: in Sx, flags: in P);
            /// NCI: throws "NCI is not supported" (Parrot: the function S(name) of P(lib) with signature S(sig))
            0x070d dlfunc_p_p_s_s "dlfunc" sys (dst: out P, lib: in P, name: in Sx, sig: in Sx);
            /// NCI: throws "NCI is not supported" (Parrot: `dlfunc` with a signature PMC)
            0x070e dlfunc_p_p_s_p "dlfunc" sys (dst: out P, lib: in P, name: in Sx, sig: in P);
            /// NCI: throws "NCI is not supported" (Parrot: the variable S(name) of P(lib))
            0x070f dlvar_p_p_s "dlvar" sys (dst: out P, lib: in P, name: in Sx);
            /// NCI: throws "NCI is not supported" (Parrot: a C callback calling P(sub) with P(data))
            0x0710 new_callback_p_p_p_s "new_callback" sys (dst: out P, sub: in P, data: in P, sig: in Sx);
            /// `I(dst) := ` fact I(what) about S(path) itself, not what a link points to (`stat.pasm` codes)
            0x0718 lstat_i_s_i "lstat" io (dst: out I, path: in Sx, what: in Ix);
            /// async `lstat`; the fact is `P(req).'return'()`
            0x0719 lstat_p_s_i_p "lstat" io (req: out P, path: in Sx, what: in Ix, cb: in P);
            /// the standard input (`read S, I`, `peek S`, `getstdin`) is P(src) from now on
            0x071a setstdin_p "setstdin" io (src: in P);
            /// the standard output (`print`, `say`, `getstdout`) is P(src) from now on
            0x071b setstdout_p "setstdout" io (src: in P);
            /// the standard error (`printerr`, `getstderr`) is P(src) from now on
            0x071c setstderr_p "setstderr" io (src: in P);
            /// `P(dst) := ` the PMC P(src) refers to (`get_pmc`: an iterator's aggregate)
            0x0740 deref_p_p "deref" pmcmisc (dst: out P, src: in P);
            /// P(dst) takes its value from P(src) (`set_pmc`: an Integer its integer, an Undef becomes a copy ...)
            0x0741 setref_p_p "setref" pmcmisc (dst: in P, src: in P);
            /// P(dst) becomes a copy of P(src), type and value, keeping its identity
            0x0742 copy_p_p "copy" pmcmisc (dst: inout P, src: in P);
            /// P(obj) becomes a new PMC of the class P(class) names, keeping its identity
            0x0743 morph_p_p "morph" pmcmisc (obj: in P, class: in P);
            /// `P(dst) := P(obj)[P(key)]`; if null, a new PMC of class type, stored there
            0x0744 vivify_p_p_p_k "vivify" pmcmisc (dst: out P, obj: in P, key: in P, class: in K);
            /// `P(dst) := P(obj)[I(key)]`; if null, a new PMC of class type, stored there
            0x0745 vivify_p_p_i_k "vivify" pmcmisc (dst: out P, obj: in P, key: in Ix, class: in K);
            /// `P(dst) := P(obj)[S(key)]`; if null, a new PMC of class type, stored there
            0x0746 vivify_p_p_s_k "vivify" pmcmisc (dst: out P, obj: in P, key: in Sx, class: in K);
            /// `P(dst) := P(obj)[P(key)]`; if null, a new PMC of the class P(class) names, stored there
            0x0747 vivify_p_p_p_p "vivify" pmcmisc (dst: out P, obj: in P, key: in P, class: in P);
            /// `P(dst) := P(obj)[I(key)]`; if null, a new PMC of the class P(class) names, stored there
            0x0748 vivify_p_p_i_p "vivify" pmcmisc (dst: out P, obj: in P, key: in Ix, class: in P);
            /// `P(dst) := P(obj)[S(key)]`; if null, a new PMC of the class P(class) names, stored there
            0x0749 vivify_p_p_s_p "vivify" pmcmisc (dst: out P, obj: in P, key: in Sx, class: in P);
            /// `P(dst) := P(obj)[P(key)]`; if null, a new PMC of class type (not stored)
            0x074a fetch_p_p_p_k "fetch" pmcmisc (dst: out P, obj: in P, key: in P, class: in K);
            /// `P(dst) := P(obj)[I(key)]`; if null, a new PMC of class type (not stored)
            0x074b fetch_p_p_i_k "fetch" pmcmisc (dst: out P, obj: in P, key: in Ix, class: in K);
            /// `P(dst) := P(obj)[S(key)]`; if null, a new PMC of class type (not stored)
            0x074c fetch_p_p_s_k "fetch" pmcmisc (dst: out P, obj: in P, key: in Sx, class: in K);
            /// `P(dst) := P(obj)[P(key)]`; if null, a new PMC of the class P(class) names (not stored)
            0x074d fetch_p_p_p_p "fetch" pmcmisc (dst: out P, obj: in P, key: in P, class: in P);
            /// `P(dst) := P(obj)[I(key)]`; if null, a new PMC of the class P(class) names (not stored)
            0x074e fetch_p_p_i_p "fetch" pmcmisc (dst: out P, obj: in P, key: in Ix, class: in P);
            /// `P(dst) := P(obj)[S(key)]`; if null, a new PMC of the class P(class) names (not stored)
            0x074f fetch_p_p_s_p "fetch" pmcmisc (dst: out P, obj: in P, key: in Sx, class: in P);
            /// keeps P(obj) alive while registered (counted)
            0x0750 register_p "register" pmcmisc (obj: in P);
            /// takes back one `register` of P(obj)
            0x0751 unregister_p "unregister" pmcmisc (obj: in P);
            /// `I(dst) := ` a number naming P(obj), unique among the PMCs alive
            0x0752 get_id_i_p "get_id" pmcmisc (dst: out I, obj: in P);
            /// `S(dst) := ` P(obj) as its type writes itself (`get_repr`: `[ 1, 2 ]`, `{a:1}` ...)
            0x0753 get_repr_s_p "get_repr" pmcmisc (dst: out S, obj: in P);
            /// replaces I(count) elements of P(dst) at I(offset) with the elements of P(src)
            0x0754 splice_p_p_i_i "splice" pmcmisc (dst: in P, src: in P, offset: in Ix, count: in Ix);
            /// experimental, as Parrot's: for each index i of P(src), `P(dst)[start + i] := P(dst)[i]` (start: 0 if I(overwrite), else the size of P(dst))
            0x0755 flatten_array_into_p_p_i "flatten_array_into" pmcmisc (dst: in P, src: in P, overwrite: in Ix);
            /// experimental: every pair of the Hash P(src) into P(dst); without I(overwrite), keys P(dst) has stay
            0x0756 flatten_hash_into_p_p_i "flatten_hash_into" pmcmisc (dst: in P, src: in P, overwrite: in Ix);
            /// experimental, as Parrot's: `P(dst) := ` a new empty ResizablePMCArray, and P(src)'s elements from I(start) on are pushed onto P(src)
            0x0757 slurp_array_from_p_p_i "slurp_array_from" pmcmisc (dst: out P, src: in P, start: in Ix);
            /// `P(dst) := ` the global S(name) in the namespace key names (below the current one)
            0x0758 get_global_p_k_s "get_global" pmcmisc (dst: out P, ns: in K, name: in Sx);
            /// the global S(name) in the namespace key names (below the current one) `:= P(src)`
            0x0759 set_global_k_s_p "set_global" pmcmisc (ns: in K, name: in Sx, src: in P);
            /// turns the debugger on: the other debug ops need it (`debug_ops`)
            0x0760 debug_init "debug_init" debug ();
            /// names the program's source file for the debugger
            0x0761 debug_load_sc "debug_load" debug (file: in Sc);
            /// stops in the debugger's command loop (commands from stdin, answers on stderr), once
            0x0762 debug_break "debug_break" debug ();
            /// prints every register of the running sub on stderr
            0x0763 debug_print "debug_print" debug ();
            /// prints the call chain on stderr, as an uncaught exception's report shows it
            0x0764 backtrace "backtrace" debug ();
            /// calls P(sub) with the Continuation P(cont) as its return continuation
            0x0770 invoke_p_p "invoke" control (sub: in P, cont: in P);
            /// stores P(info) as the result signature this sub's callees read with `result_info`
            0x0771 set_result_info_p "set_result_info" control (info: in P);
            /// `P(dst) := ` the caller's `set_result_info` PMC, or an empty FixedIntegerArray
            0x0772 result_info_p "result_info" control (dst: out P);
            /// runs the code at target in the interpreter P(interp), with registers of its own, until its `end`
            0x0773 runinterp_p_ic "runinterp" introspect (interp: in P, target: in L);
        }
    };
}
