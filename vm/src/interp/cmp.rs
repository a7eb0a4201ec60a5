//! Comparisons: the two-value branches (`eq ne lt le gt ge`, `eq_addr ne_addr`), the tests
//! (`iseq`..`isge`, `issame`, `isntsame`, `isnull`, `istrue`, `isfalse`), `cmp`, the typed
//! PMC comparisons (`eq_str`.. `ge_num`, `cmp_str`, `cmp_num`, `cmp_pmc`) and the logical ops
//! on PMCs (`and or xor not`), all of Parrot's src/ops/cmp.ops.
//!
//! Every operand kind compares by one rule, [`Vm::compare`] (spec/conversions). The integer
//! register branches are also written out in `run_loop`'s hot match. The typed comparisons
//! follow the PMC's own `cmp_num`/`cmp_string` ([`Vm::cmp_num`]), and `cmp P, I|N|S` reads
//! the PMC as that kind first, as Parrot does.

use super::arith::{NumV, Val};
use super::flow::{by_value, Flow};
use super::{Frame, Vm};
use crate::error::types;
use crate::error::Exc;
use crate::op::{IArg, IReg, Label, NArg, Operand, PReg, SArg, SReg};
use crate::pmc::{PVal, PmcData};
use std::cmp::Ordering;

/// Which comparison a branch or test makes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Cmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Cmp {
    /// Whether an ordering (`None`: unordered, a NaN) passes.
    fn test(self, o: Option<Ordering>) -> bool {
        match self {
            Cmp::Eq => o == Some(Ordering::Equal),
            Cmp::Ne => o != Some(Ordering::Equal),
            Cmp::Lt => o == Some(Ordering::Less),
            Cmp::Le => matches!(o, Some(Ordering::Less | Ordering::Equal)),
            Cmp::Gt => o == Some(Ordering::Greater),
            Cmp::Ge => matches!(o, Some(Ordering::Greater | Ordering::Equal)),
        }
    }
}

by_value! { branch_op(Cmp::Eq):
    eq_i_i_ic(lhs, rhs, target), eq_i_ic_ic(lhs, rhs, target), eq_ic_i_ic(lhs, rhs, target),
    eq_n_n_ic(lhs, rhs, target), eq_n_nc_ic(lhs, rhs, target), eq_nc_n_ic(lhs, rhs, target),
    eq_s_s_ic(lhs, rhs, target), eq_s_sc_ic(lhs, rhs, target), eq_sc_s_ic(lhs, rhs, target),
    eq_p_p_ic(lhs, rhs, target), eq_p_i_ic(lhs, rhs, target), eq_p_ic_ic(lhs, rhs, target),
    eq_p_n_ic(lhs, rhs, target), eq_p_nc_ic(lhs, rhs, target), eq_p_s_ic(lhs, rhs, target),
    eq_p_sc_ic(lhs, rhs, target), eq_i_n_ic(lhs, rhs, target), eq_n_i_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Ne):
    ne_i_i_ic(lhs, rhs, target), ne_i_ic_ic(lhs, rhs, target), ne_ic_i_ic(lhs, rhs, target),
    ne_n_n_ic(lhs, rhs, target), ne_n_nc_ic(lhs, rhs, target), ne_nc_n_ic(lhs, rhs, target),
    ne_s_s_ic(lhs, rhs, target), ne_s_sc_ic(lhs, rhs, target), ne_sc_s_ic(lhs, rhs, target),
    ne_p_p_ic(lhs, rhs, target), ne_p_i_ic(lhs, rhs, target), ne_p_ic_ic(lhs, rhs, target),
    ne_p_n_ic(lhs, rhs, target), ne_p_nc_ic(lhs, rhs, target), ne_p_s_ic(lhs, rhs, target),
    ne_p_sc_ic(lhs, rhs, target), ne_i_n_ic(lhs, rhs, target), ne_n_i_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Lt):
    lt_i_i_ic(lhs, rhs, target), lt_i_ic_ic(lhs, rhs, target), lt_ic_i_ic(lhs, rhs, target),
    lt_n_n_ic(lhs, rhs, target), lt_n_nc_ic(lhs, rhs, target), lt_nc_n_ic(lhs, rhs, target),
    lt_s_s_ic(lhs, rhs, target), lt_s_sc_ic(lhs, rhs, target), lt_sc_s_ic(lhs, rhs, target),
    lt_p_p_ic(lhs, rhs, target), lt_p_i_ic(lhs, rhs, target), lt_p_ic_ic(lhs, rhs, target),
    lt_p_n_ic(lhs, rhs, target), lt_p_nc_ic(lhs, rhs, target), lt_p_s_ic(lhs, rhs, target),
    lt_p_sc_ic(lhs, rhs, target), lt_i_n_ic(lhs, rhs, target), lt_n_i_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Le):
    le_i_i_ic(lhs, rhs, target), le_i_ic_ic(lhs, rhs, target), le_ic_i_ic(lhs, rhs, target),
    le_n_n_ic(lhs, rhs, target), le_n_nc_ic(lhs, rhs, target), le_nc_n_ic(lhs, rhs, target),
    le_s_s_ic(lhs, rhs, target), le_s_sc_ic(lhs, rhs, target), le_sc_s_ic(lhs, rhs, target),
    le_p_p_ic(lhs, rhs, target), le_p_i_ic(lhs, rhs, target), le_p_ic_ic(lhs, rhs, target),
    le_p_n_ic(lhs, rhs, target), le_p_nc_ic(lhs, rhs, target), le_p_s_ic(lhs, rhs, target),
    le_p_sc_ic(lhs, rhs, target), le_i_n_ic(lhs, rhs, target), le_n_i_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Gt):
    gt_i_i_ic(lhs, rhs, target), gt_i_ic_ic(lhs, rhs, target), gt_ic_i_ic(lhs, rhs, target),
    gt_n_n_ic(lhs, rhs, target), gt_n_nc_ic(lhs, rhs, target), gt_nc_n_ic(lhs, rhs, target),
    gt_s_s_ic(lhs, rhs, target), gt_s_sc_ic(lhs, rhs, target), gt_sc_s_ic(lhs, rhs, target),
    gt_p_p_ic(lhs, rhs, target), gt_p_i_ic(lhs, rhs, target), gt_p_ic_ic(lhs, rhs, target),
    gt_p_n_ic(lhs, rhs, target), gt_p_nc_ic(lhs, rhs, target), gt_p_s_ic(lhs, rhs, target),
    gt_p_sc_ic(lhs, rhs, target), gt_i_n_ic(lhs, rhs, target), gt_n_i_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Ge):
    ge_i_i_ic(lhs, rhs, target), ge_i_ic_ic(lhs, rhs, target), ge_ic_i_ic(lhs, rhs, target),
    ge_n_n_ic(lhs, rhs, target), ge_n_nc_ic(lhs, rhs, target), ge_nc_n_ic(lhs, rhs, target),
    ge_s_s_ic(lhs, rhs, target), ge_s_sc_ic(lhs, rhs, target), ge_sc_s_ic(lhs, rhs, target),
    ge_p_p_ic(lhs, rhs, target), ge_p_i_ic(lhs, rhs, target), ge_p_ic_ic(lhs, rhs, target),
    ge_p_n_ic(lhs, rhs, target), ge_p_nc_ic(lhs, rhs, target), ge_p_s_ic(lhs, rhs, target),
    ge_p_sc_ic(lhs, rhs, target), ge_i_n_ic(lhs, rhs, target), ge_n_i_ic(lhs, rhs, target),
}

by_value! { test_op(Cmp::Eq):
    iseq_i_i_i(dst, lhs, rhs), iseq_i_i_ic(dst, lhs, rhs), iseq_i_ic_i(dst, lhs, rhs),
    iseq_i_n_n(dst, lhs, rhs), iseq_i_n_nc(dst, lhs, rhs), iseq_i_nc_n(dst, lhs, rhs),
    iseq_i_s_s(dst, lhs, rhs), iseq_i_s_sc(dst, lhs, rhs), iseq_i_sc_s(dst, lhs, rhs),
    iseq_i_p_p(dst, lhs, rhs), iseq_i_nc_nc(dst, lhs, rhs), iseq_i_sc_sc(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Ne):
    isne_i_i_i(dst, lhs, rhs), isne_i_i_ic(dst, lhs, rhs), isne_i_ic_i(dst, lhs, rhs),
    isne_i_n_n(dst, lhs, rhs), isne_i_n_nc(dst, lhs, rhs), isne_i_nc_n(dst, lhs, rhs),
    isne_i_s_s(dst, lhs, rhs), isne_i_s_sc(dst, lhs, rhs), isne_i_sc_s(dst, lhs, rhs),
    isne_i_p_p(dst, lhs, rhs), isne_i_nc_nc(dst, lhs, rhs), isne_i_sc_sc(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Lt):
    islt_i_i_i(dst, lhs, rhs), islt_i_i_ic(dst, lhs, rhs), islt_i_ic_i(dst, lhs, rhs),
    islt_i_n_n(dst, lhs, rhs), islt_i_n_nc(dst, lhs, rhs), islt_i_nc_n(dst, lhs, rhs),
    islt_i_s_s(dst, lhs, rhs), islt_i_s_sc(dst, lhs, rhs), islt_i_sc_s(dst, lhs, rhs),
    islt_i_p_p(dst, lhs, rhs), islt_i_nc_nc(dst, lhs, rhs), islt_i_sc_sc(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Le):
    isle_i_i_i(dst, lhs, rhs), isle_i_i_ic(dst, lhs, rhs), isle_i_ic_i(dst, lhs, rhs),
    isle_i_n_n(dst, lhs, rhs), isle_i_n_nc(dst, lhs, rhs), isle_i_nc_n(dst, lhs, rhs),
    isle_i_s_s(dst, lhs, rhs), isle_i_s_sc(dst, lhs, rhs), isle_i_sc_s(dst, lhs, rhs),
    isle_i_p_p(dst, lhs, rhs), isle_i_nc_nc(dst, lhs, rhs), isle_i_sc_sc(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Gt):
    isgt_i_i_i(dst, lhs, rhs), isgt_i_i_ic(dst, lhs, rhs), isgt_i_ic_i(dst, lhs, rhs),
    isgt_i_n_n(dst, lhs, rhs), isgt_i_n_nc(dst, lhs, rhs), isgt_i_nc_n(dst, lhs, rhs),
    isgt_i_s_s(dst, lhs, rhs), isgt_i_s_sc(dst, lhs, rhs), isgt_i_sc_s(dst, lhs, rhs),
    isgt_i_p_p(dst, lhs, rhs), isgt_i_nc_nc(dst, lhs, rhs), isgt_i_sc_sc(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Ge):
    isge_i_i_i(dst, lhs, rhs), isge_i_i_ic(dst, lhs, rhs), isge_i_ic_i(dst, lhs, rhs),
    isge_i_n_n(dst, lhs, rhs), isge_i_n_nc(dst, lhs, rhs), isge_i_nc_n(dst, lhs, rhs),
    isge_i_s_s(dst, lhs, rhs), isge_i_s_sc(dst, lhs, rhs), isge_i_sc_s(dst, lhs, rhs),
    isge_i_p_p(dst, lhs, rhs), isge_i_nc_nc(dst, lhs, rhs), isge_i_sc_sc(dst, lhs, rhs),
}

by_value! { cmp_op(()):
    cmp_i_i_i(dst, lhs, rhs), cmp_i_i_ic(dst, lhs, rhs), cmp_i_ic_i(dst, lhs, rhs), cmp_i_n_n(dst, lhs, rhs),
    cmp_i_n_nc(dst, lhs, rhs), cmp_i_nc_n(dst, lhs, rhs), cmp_i_s_s(dst, lhs, rhs), cmp_i_s_sc(dst, lhs, rhs),
    cmp_i_sc_s(dst, lhs, rhs), cmp_i_p_p(dst, lhs, rhs), cmp_i_nc_nc(dst, lhs, rhs), cmp_i_sc_sc(dst, lhs, rhs),
}

/// `eq_addr P, P, L`: the same PMC.
pub(super) fn eq_addr_p_p_ic(_: &mut Vm, f: &mut Frame, lhs: PReg, rhs: PReg, target: Label) -> Flow {
    if f.p[lhs.0 as usize] == f.p[rhs.0 as usize] {
        Flow::Jump(target.0)
    } else {
        Flow::Next
    }
}

/// `ne_addr P, P, L`: not the same PMC.
pub(super) fn ne_addr_p_p_ic(_: &mut Vm, f: &mut Frame, lhs: PReg, rhs: PReg, target: Label) -> Flow {
    if f.p[lhs.0 as usize] != f.p[rhs.0 as usize] {
        Flow::Jump(target.0)
    } else {
        Flow::Next
    }
}

/// `issame I, P, P`
pub(super) fn issame_i_p_p(_: &mut Vm, f: &mut Frame, dst: IReg, lhs: PReg, rhs: PReg) -> Flow {
    f.i[dst.0 as usize] = i64::from(f.p[lhs.0 as usize] == f.p[rhs.0 as usize]);
    Flow::Next
}

/// `isnull I, P`
pub(super) fn isnull_i_p(_: &mut Vm, f: &mut Frame, dst: IReg, src: PReg) -> Flow {
    f.i[dst.0 as usize] = i64::from(f.p[src.0 as usize].is_none());
    Flow::Next
}

/// `isnull I, S`
pub(super) fn isnull_i_s(_: &mut Vm, f: &mut Frame, dst: IReg, src: SReg) -> Flow {
    f.i[dst.0 as usize] = i64::from(f.s[src.0 as usize].is_null());
    Flow::Next
}

/// Handlers of the typed PMC branches: `$name P, P, L` jumps when `$how` compares true.
macro_rules! typed_branch {
    ($($name:ident => $cmp:ident($c:expr);)*) => {$(
        #[doc = concat!("`", stringify!($name), "`")]
        pub(super) fn $name(vm: &mut Vm, f: &mut Frame, lhs: PReg, rhs: PReg, target: Label) -> Flow {
            let (a, b) = (f.p[lhs.0 as usize], f.p[rhs.0 as usize]);
            match vm.$cmp(a, b, $c) {
                Ok(true) => Flow::Jump(target.0),
                Ok(false) => Flow::Next,
                Err(e) => Flow::Raise(e),
            }
        }
    )*};
}

typed_branch! {
    eq_str_p_p_ic => str_test(Cmp::Eq);
    ne_str_p_p_ic => str_test(Cmp::Ne);
    lt_str_p_p_ic => str_test(Cmp::Lt);
    le_str_p_p_ic => str_test(Cmp::Le);
    gt_str_p_p_ic => str_test(Cmp::Gt);
    ge_str_p_p_ic => str_test(Cmp::Ge);
    eq_num_p_p_ic => num_test(Cmp::Eq);
    ne_num_p_p_ic => num_test(Cmp::Ne);
    lt_num_p_p_ic => num_test(Cmp::Lt);
    le_num_p_p_ic => num_test(Cmp::Le);
    gt_num_p_p_ic => num_test(Cmp::Gt);
    ge_num_p_p_ic => num_test(Cmp::Ge);
}

/// `cmp_str I, P, P`: the PMCs' `cmp_string`.
pub(super) fn cmp_str_i_p_p(vm: &mut Vm, f: &mut Frame, dst: IReg, lhs: PReg, rhs: PReg) -> Flow {
    match vm.cmp_string(f.p[lhs.0 as usize], f.p[rhs.0 as usize], "cmp_string") {
        Ok(o) => set_i(f, dst, sign(Some(o))),
        Err(e) => Flow::Raise(e),
    }
}

/// `cmp_num I, P, P`: the PMCs' `cmp_num`.
pub(super) fn cmp_num_i_p_p(vm: &mut Vm, f: &mut Frame, dst: IReg, lhs: PReg, rhs: PReg) -> Flow {
    match vm.cmp_num(f.p[lhs.0 as usize], f.p[rhs.0 as usize], "cmp_num") {
        Ok(o) => set_i(f, dst, sign(o)),
        Err(e) => Flow::Raise(e),
    }
}

/// `cmp_pmc P, P, P`: Parrot's `cmp_pmc` is a multi-dispatched vtable that no core PMC
/// implements: the same PMC twice gives null, anything else finds no candidate.
pub(super) fn cmp_pmc_p_p_p(_: &mut Vm, f: &mut Frame, dst: PReg, lhs: PReg, rhs: PReg) -> Flow {
    let (a, b) = (f.p[lhs.0 as usize], f.p[rhs.0 as usize]);
    if a.is_none() {
        return Flow::Raise(Exc::null_access("cmp_pmc"));
    }
    if a == b {
        f.p[dst.0 as usize] = None;
        return Flow::Next;
    }
    Flow::Raise(Exc::new(
        types::EXCEPTION_METHOD_NOT_FOUND,
        "Multiple Dispatch: No suitable candidate found for 'cmp_pmc', with signature 'PP->P'",
    ))
}

/// `cmp I, P, I`: the PMC's integer value against the integer.
pub(super) fn cmp_i_p_i(vm: &mut Vm, f: &mut Frame, dst: IReg, lhs: PReg, rhs: IArg) -> Flow {
    match vm.heap.get_integer(f.p[lhs.0 as usize]) {
        Ok(l) => set_i(f, dst, sign(Some(l.cmp(&super::ia(f, rhs))))),
        Err(e) => Flow::Raise(e),
    }
}

/// `cmp I, P, N`: the PMC's number against the number (0 when unordered).
pub(super) fn cmp_i_p_n(vm: &mut Vm, f: &mut Frame, dst: IReg, lhs: PReg, rhs: NArg) -> Flow {
    match vm.heap.get_number(f.p[lhs.0 as usize]) {
        Ok(l) => set_i(f, dst, sign(l.partial_cmp(&super::na(f, rhs)))),
        Err(e) => Flow::Raise(e),
    }
}

/// `cmp I, P, S`: the PMC's string against the string.
pub(super) fn cmp_i_p_s(vm: &mut Vm, f: &mut Frame, dst: IReg, lhs: PReg, rhs: SArg) -> Flow {
    match vm.heap.get_string(f.p[lhs.0 as usize]) {
        Ok(l) => set_i(f, dst, sign(Some(l.cmp(&super::sa(f, rhs))))),
        Err(e) => Flow::Raise(e),
    }
}

/// `eq_addr S, S, L`: the same string (not merely equal ones).
pub(super) fn eq_addr_s_s_ic(_: &mut Vm, f: &mut Frame, lhs: SArg, rhs: SArg, target: Label) -> Flow {
    if super::sa(f, lhs).same(&super::sa(f, rhs)) {
        Flow::Jump(target.0)
    } else {
        Flow::Next
    }
}

/// `ne_addr S, S, L`: different strings, even if equal.
pub(super) fn ne_addr_s_s_ic(_: &mut Vm, f: &mut Frame, lhs: SArg, rhs: SArg, target: Label) -> Flow {
    if super::sa(f, lhs).same(&super::sa(f, rhs)) {
        Flow::Next
    } else {
        Flow::Jump(target.0)
    }
}

/// `if_null S, L`
pub(super) fn if_null_s_ic(_: &mut Vm, f: &mut Frame, src: SReg, target: Label) -> Flow {
    if f.s[src.0 as usize].is_null() {
        Flow::Jump(target.0)
    } else {
        Flow::Next
    }
}

/// `unless_null S, L`
pub(super) fn unless_null_s_ic(_: &mut Vm, f: &mut Frame, src: SReg, target: Label) -> Flow {
    if f.s[src.0 as usize].is_null() {
        Flow::Next
    } else {
        Flow::Jump(target.0)
    }
}

/// `issame I, S, S`: the same string.
pub(super) fn issame_i_s_s(_: &mut Vm, f: &mut Frame, dst: IReg, lhs: SArg, rhs: SArg) -> Flow {
    let same = super::sa(f, lhs).same(&super::sa(f, rhs));
    set_i(f, dst, i64::from(same))
}

/// `isntsame I, S, S`
pub(super) fn isntsame_i_s_s(_: &mut Vm, f: &mut Frame, dst: IReg, lhs: SArg, rhs: SArg) -> Flow {
    let same = super::sa(f, lhs).same(&super::sa(f, rhs));
    set_i(f, dst, i64::from(!same))
}

/// `isntsame I, P, P`: not the same PMC.
pub(super) fn isntsame_i_p_p(_: &mut Vm, f: &mut Frame, dst: IReg, lhs: PReg, rhs: PReg) -> Flow {
    let v = i64::from(f.p[lhs.0 as usize] != f.p[rhs.0 as usize]);
    set_i(f, dst, v)
}

/// `istrue I, P`: the PMC's `get_bool`.
pub(super) fn istrue_i_p(vm: &mut Vm, f: &mut Frame, dst: IReg, src: PReg) -> Flow {
    match vm.heap.get_bool(f.p[src.0 as usize]) {
        Ok(b) => set_i(f, dst, i64::from(b)),
        Err(e) => Flow::Raise(e),
    }
}

/// `isfalse I, P`
pub(super) fn isfalse_i_p(vm: &mut Vm, f: &mut Frame, dst: IReg, src: PReg) -> Flow {
    match vm.heap.get_bool(f.p[src.0 as usize]) {
        Ok(b) => set_i(f, dst, i64::from(!b)),
        Err(e) => Flow::Raise(e),
    }
}

/// `and P, P, P`: P(lhs) if it is false, else P(rhs) (the PMC itself, not a copy).
pub(super) fn and_p_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, lhs: PReg, rhs: PReg) -> Flow {
    let (a, b) = (f.p[lhs.0 as usize], f.p[rhs.0 as usize]);
    match vm.heap.get_bool(a) {
        Ok(t) => set_p(f, dst, if t { b } else { a }),
        Err(e) => Flow::Raise(e),
    }
}

/// `or P, P, P`: P(lhs) if it is true, else P(rhs).
pub(super) fn or_p_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, lhs: PReg, rhs: PReg) -> Flow {
    let (a, b) = (f.p[lhs.0 as usize], f.p[rhs.0 as usize]);
    match vm.heap.get_bool(a) {
        Ok(t) => set_p(f, dst, if t { a } else { b }),
        Err(e) => Flow::Raise(e),
    }
}

/// `xor P, P, P`: the one that is true if only one is; else a new false PMC of P(lhs)'s type.
pub(super) fn xor_p_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, lhs: PReg, rhs: PReg) -> Flow {
    let (a, b) = (f.p[lhs.0 as usize], f.p[rhs.0 as usize]);
    let r = (|| -> Result<PVal, Exc> {
        let (x, y) = (vm.heap.get_bool(a)?, vm.heap.get_bool(b)?);
        Ok(match (x, y) {
            (true, false) => a,
            (false, true) => b,
            _ => {
                let class = a.map_or("Boolean", |r| vm.heap.class_name(r));
                let p = Some(vm.heap.alloc(PmcData::new_of(class).unwrap_or(PmcData::Boolean(false))));
                vm.set_bool(p, false)?;
                p
            }
        })
    })();
    match r {
        Ok(p) => set_p(f, dst, p),
        Err(e) => Flow::Raise(e),
    }
}

/// `not P`: in place.
pub(super) fn not_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    let p = f.p[dst.0 as usize];
    (|| vm.set_bool(p, !vm.heap.get_bool(p)?))().into()
}

/// `not P, P`: P(dst), or a new Boolean when it is null, takes the negation.
pub(super) fn not_p_p(vm: &mut Vm, f: &mut Frame, dst: PReg, src: PReg) -> Flow {
    let v = match vm.heap.get_bool(f.p[src.0 as usize]) {
        Ok(b) => !b,
        Err(e) => return Flow::Raise(e),
    };
    let p = match f.p[dst.0 as usize] {
        Some(p) => p,
        None => {
            let p = vm.heap.alloc(PmcData::Boolean(false));
            f.p[dst.0 as usize] = Some(p);
            p
        }
    };
    vm.set_bool(Some(p), v).into()
}

fn set_i(f: &mut Frame, dst: IReg, v: i64) -> Flow {
    f.i[dst.0 as usize] = v;
    Flow::Next
}

fn set_p(f: &mut Frame, dst: PReg, v: PVal) -> Flow {
    f.p[dst.0 as usize] = v;
    Flow::Next
}

/// -1, 0 or 1; 0 when unordered.
fn sign(o: Option<Ordering>) -> i64 {
    match o {
        Some(Ordering::Less) => -1,
        Some(Ordering::Greater) => 1,
        _ => 0,
    }
}

impl Vm {
    /// A PMC's `set_bool`: a Boolean holds it, other scalars take 1 or 0.
    fn set_bool(&mut self, p: PVal, v: bool) -> Result<(), Exc> {
        let r = p.ok_or_else(|| Exc::null_access("set_bool"))?;
        if let PmcData::Boolean(b) = self.heap.get_mut(r) {
            *b = v;
            return Ok(());
        }
        self.heap.set_integer(p, i64::from(v))
    }

    /// `cmp_string`: the string values (`what` names the vtable slot for a null P(lhs)).
    fn cmp_string(&self, a: PVal, b: PVal, what: &str) -> Result<Ordering, Exc> {
        if a.is_none() {
            return Err(Exc::null_access(what));
        }
        Ok(self.heap.get_string(a)?.cmp(&self.heap.get_string(b)?))
    }

    /// `cmp_num` as the PMC of P(lhs) defines it (src/pmc/{integer,float,string}.pmc): an
    /// Integer compares as an integer unless the other is a Float or a String that differs as
    /// a number; the rest compare their numbers.
    fn cmp_num(&self, a: PVal, b: PVal, what: &str) -> Result<Option<Ordering>, Exc> {
        let r = a.ok_or_else(|| Exc::null_access(what))?;
        let other = b.map(|q| self.heap.get(q));
        Ok(match self.heap.get(r) {
            PmcData::Integer(i) => match other {
                Some(PmcData::Float(_)) => (*i as f64).partial_cmp(&self.heap.get_number(b)?),
                Some(PmcData::String(_)) => match (*i as f64).partial_cmp(&self.heap.get_number(b)?) {
                    Some(Ordering::Equal) => Some(i.cmp(&self.heap.get_integer(b)?)),
                    o => o,
                },
                _ => Some(i.cmp(&self.heap.get_integer(b)?)),
            },
            _ => self.heap.get_number(a)?.partial_cmp(&self.heap.get_number(b)?),
        })
    }

    /// A typed string branch: `is_equal_string` for `eq_str`, `cmp_string` for the rest.
    fn str_test(&self, a: PVal, b: PVal, c: Cmp) -> Result<bool, Exc> {
        let what = if c == Cmp::Eq { "is_equal_string" } else { "cmp_string" };
        Ok(c.test(Some(self.cmp_string(a, b, what)?)))
    }

    /// A typed number branch: `is_equal_num` (the numbers are equal) for `eq_num`, `cmp_num`
    /// for the rest.
    fn num_test(&self, a: PVal, b: PVal, c: Cmp) -> Result<bool, Exc> {
        if c == Cmp::Eq {
            if a.is_none() {
                return Err(Exc::null_access("is_equal_num"));
            }
            return Ok(self.heap.get_number(a)? == self.heap.get_number(b)?);
        }
        // Unordered (a NaN) is 0 to Parrot's cmp_num.
        Ok(c.test(Some(self.cmp_num(a, b, "cmp_num")?.unwrap_or(Ordering::Equal))))
    }

    /// A two-value branch: `[lhs, rhs, target]`.
    fn branch_op(&mut self, f: &mut Frame, c: Cmp, o: &[Operand]) -> Flow {
        let Operand::L(target) = o[2] else { return Flow::Next };
        let (a, b) = (self.val(f, o[0]), self.val(f, o[1]));
        match self.compare(&a, &b) {
            Ok(ord) if c.test(ord) => Flow::Jump(target.0),
            Ok(_) => Flow::Next,
            Err(e) => Flow::Raise(e),
        }
    }

    /// A test: `[dst, lhs, rhs]`, 1 or 0.
    fn test_op(&mut self, f: &mut Frame, c: Cmp, o: &[Operand]) -> Result<(), Exc> {
        let (a, b) = (self.val(f, o[1]), self.val(f, o[2]));
        let ord = self.compare(&a, &b)?;
        self.store(f, o[0], Val::I(i64::from(c.test(ord))))
    }

    /// `cmp`: `[dst, lhs, rhs]`, -1, 0 or 1 (0 when unordered).
    fn cmp_op(&mut self, f: &mut Frame, (): (), o: &[Operand]) -> Result<(), Exc> {
        let (a, b) = (self.val(f, o[1]), self.val(f, o[2]));
        let v = match self.compare(&a, &b)? {
            Some(Ordering::Less) => -1,
            Some(Ordering::Greater) => 1,
            _ => 0,
        };
        self.store(f, o[0], Val::I(v))
    }

    /// Compares two values the way the two-value branches do.
    pub(super) fn compare(&self, a: &Val, b: &Val) -> Result<Option<Ordering>, Exc> {
        Ok(match (a, b) {
            (Val::I(x), Val::I(y)) => Some(x.cmp(y)),
            (Val::N(x), Val::N(y)) => x.partial_cmp(y),
            (Val::I(x), Val::N(y)) => (*x as f64).partial_cmp(y),
            (Val::N(x), Val::I(y)) => x.partial_cmp(&(*y as f64)),
            (Val::S(x), Val::S(y)) => Some(x.cmp(y)),
            (Val::P(p), Val::S(s)) => Some(self.heap.get_string(*p)?.cmp(s)),
            (Val::S(s), Val::P(p)) => Some(s.cmp(&self.heap.get_string(*p)?)),
            (Val::P(p), Val::P(q)) => {
                let is_str = |p: &PVal| p.map(|r| matches!(self.heap.get(r), PmcData::String(_))).unwrap_or(false);
                if is_str(p) && is_str(q) {
                    Some(self.heap.get_string(*p)?.cmp(&self.heap.get_string(*q)?))
                } else {
                    self.num_compare(a, b)?
                }
            }
            _ => self.num_compare(a, b)?,
        })
    }

    fn num_compare(&self, a: &Val, b: &Val) -> Result<Option<Ordering>, Exc> {
        Ok(match (self.numv(a)?, self.numv(b)?) {
            (NumV::I(x), NumV::I(y)) => Some(x.cmp(&y)),
            (x @ (NumV::I(_) | NumV::B(_)), y @ (NumV::I(_) | NumV::B(_))) => x.big().partial_cmp(&y.big()),
            (x, y) => x.f().partial_cmp(&y.f()),
        })
    }
}
