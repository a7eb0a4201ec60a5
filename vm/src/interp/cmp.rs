//! Comparisons: the two-value branches (`eq ne lt le gt ge`, `eq_addr ne_addr`), the tests
//! (`iseq`..`isge`, `issame`, `isnull`) and `cmp`.
//!
//! Every operand kind compares by one rule, [`Vm::compare`] (spec/conversions). The integer
//! register branches are also written out in `run_loop`'s hot match.

use super::arith::{NumV, Val};
use super::flow::{by_value, Flow};
use super::{Frame, Vm};
use crate::error::Exc;
use crate::op::{IReg, Label, Operand, PReg, SReg};
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
    eq_p_sc_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Ne):
    ne_i_i_ic(lhs, rhs, target), ne_i_ic_ic(lhs, rhs, target), ne_ic_i_ic(lhs, rhs, target),
    ne_n_n_ic(lhs, rhs, target), ne_n_nc_ic(lhs, rhs, target), ne_nc_n_ic(lhs, rhs, target),
    ne_s_s_ic(lhs, rhs, target), ne_s_sc_ic(lhs, rhs, target), ne_sc_s_ic(lhs, rhs, target),
    ne_p_p_ic(lhs, rhs, target), ne_p_i_ic(lhs, rhs, target), ne_p_ic_ic(lhs, rhs, target),
    ne_p_n_ic(lhs, rhs, target), ne_p_nc_ic(lhs, rhs, target), ne_p_s_ic(lhs, rhs, target),
    ne_p_sc_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Lt):
    lt_i_i_ic(lhs, rhs, target), lt_i_ic_ic(lhs, rhs, target), lt_ic_i_ic(lhs, rhs, target),
    lt_n_n_ic(lhs, rhs, target), lt_n_nc_ic(lhs, rhs, target), lt_nc_n_ic(lhs, rhs, target),
    lt_s_s_ic(lhs, rhs, target), lt_s_sc_ic(lhs, rhs, target), lt_sc_s_ic(lhs, rhs, target),
    lt_p_p_ic(lhs, rhs, target), lt_p_i_ic(lhs, rhs, target), lt_p_ic_ic(lhs, rhs, target),
    lt_p_n_ic(lhs, rhs, target), lt_p_nc_ic(lhs, rhs, target), lt_p_s_ic(lhs, rhs, target),
    lt_p_sc_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Le):
    le_i_i_ic(lhs, rhs, target), le_i_ic_ic(lhs, rhs, target), le_ic_i_ic(lhs, rhs, target),
    le_n_n_ic(lhs, rhs, target), le_n_nc_ic(lhs, rhs, target), le_nc_n_ic(lhs, rhs, target),
    le_s_s_ic(lhs, rhs, target), le_s_sc_ic(lhs, rhs, target), le_sc_s_ic(lhs, rhs, target),
    le_p_p_ic(lhs, rhs, target), le_p_i_ic(lhs, rhs, target), le_p_ic_ic(lhs, rhs, target),
    le_p_n_ic(lhs, rhs, target), le_p_nc_ic(lhs, rhs, target), le_p_s_ic(lhs, rhs, target),
    le_p_sc_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Gt):
    gt_i_i_ic(lhs, rhs, target), gt_i_ic_ic(lhs, rhs, target), gt_ic_i_ic(lhs, rhs, target),
    gt_n_n_ic(lhs, rhs, target), gt_n_nc_ic(lhs, rhs, target), gt_nc_n_ic(lhs, rhs, target),
    gt_s_s_ic(lhs, rhs, target), gt_s_sc_ic(lhs, rhs, target), gt_sc_s_ic(lhs, rhs, target),
    gt_p_p_ic(lhs, rhs, target), gt_p_i_ic(lhs, rhs, target), gt_p_ic_ic(lhs, rhs, target),
    gt_p_n_ic(lhs, rhs, target), gt_p_nc_ic(lhs, rhs, target), gt_p_s_ic(lhs, rhs, target),
    gt_p_sc_ic(lhs, rhs, target),
}

by_value! { branch_op(Cmp::Ge):
    ge_i_i_ic(lhs, rhs, target), ge_i_ic_ic(lhs, rhs, target), ge_ic_i_ic(lhs, rhs, target),
    ge_n_n_ic(lhs, rhs, target), ge_n_nc_ic(lhs, rhs, target), ge_nc_n_ic(lhs, rhs, target),
    ge_s_s_ic(lhs, rhs, target), ge_s_sc_ic(lhs, rhs, target), ge_sc_s_ic(lhs, rhs, target),
    ge_p_p_ic(lhs, rhs, target), ge_p_i_ic(lhs, rhs, target), ge_p_ic_ic(lhs, rhs, target),
    ge_p_n_ic(lhs, rhs, target), ge_p_nc_ic(lhs, rhs, target), ge_p_s_ic(lhs, rhs, target),
    ge_p_sc_ic(lhs, rhs, target),
}

by_value! { test_op(Cmp::Eq):
    iseq_i_i_i(dst, lhs, rhs), iseq_i_i_ic(dst, lhs, rhs), iseq_i_ic_i(dst, lhs, rhs),
    iseq_i_n_n(dst, lhs, rhs), iseq_i_n_nc(dst, lhs, rhs), iseq_i_nc_n(dst, lhs, rhs),
    iseq_i_s_s(dst, lhs, rhs), iseq_i_s_sc(dst, lhs, rhs), iseq_i_sc_s(dst, lhs, rhs),
    iseq_i_p_p(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Ne):
    isne_i_i_i(dst, lhs, rhs), isne_i_i_ic(dst, lhs, rhs), isne_i_ic_i(dst, lhs, rhs),
    isne_i_n_n(dst, lhs, rhs), isne_i_n_nc(dst, lhs, rhs), isne_i_nc_n(dst, lhs, rhs),
    isne_i_s_s(dst, lhs, rhs), isne_i_s_sc(dst, lhs, rhs), isne_i_sc_s(dst, lhs, rhs),
    isne_i_p_p(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Lt):
    islt_i_i_i(dst, lhs, rhs), islt_i_i_ic(dst, lhs, rhs), islt_i_ic_i(dst, lhs, rhs),
    islt_i_n_n(dst, lhs, rhs), islt_i_n_nc(dst, lhs, rhs), islt_i_nc_n(dst, lhs, rhs),
    islt_i_s_s(dst, lhs, rhs), islt_i_s_sc(dst, lhs, rhs), islt_i_sc_s(dst, lhs, rhs),
    islt_i_p_p(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Le):
    isle_i_i_i(dst, lhs, rhs), isle_i_i_ic(dst, lhs, rhs), isle_i_ic_i(dst, lhs, rhs),
    isle_i_n_n(dst, lhs, rhs), isle_i_n_nc(dst, lhs, rhs), isle_i_nc_n(dst, lhs, rhs),
    isle_i_s_s(dst, lhs, rhs), isle_i_s_sc(dst, lhs, rhs), isle_i_sc_s(dst, lhs, rhs),
    isle_i_p_p(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Gt):
    isgt_i_i_i(dst, lhs, rhs), isgt_i_i_ic(dst, lhs, rhs), isgt_i_ic_i(dst, lhs, rhs),
    isgt_i_n_n(dst, lhs, rhs), isgt_i_n_nc(dst, lhs, rhs), isgt_i_nc_n(dst, lhs, rhs),
    isgt_i_s_s(dst, lhs, rhs), isgt_i_s_sc(dst, lhs, rhs), isgt_i_sc_s(dst, lhs, rhs),
    isgt_i_p_p(dst, lhs, rhs),
}

by_value! { test_op(Cmp::Ge):
    isge_i_i_i(dst, lhs, rhs), isge_i_i_ic(dst, lhs, rhs), isge_i_ic_i(dst, lhs, rhs),
    isge_i_n_n(dst, lhs, rhs), isge_i_n_nc(dst, lhs, rhs), isge_i_nc_n(dst, lhs, rhs),
    isge_i_s_s(dst, lhs, rhs), isge_i_s_sc(dst, lhs, rhs), isge_i_sc_s(dst, lhs, rhs),
    isge_i_p_p(dst, lhs, rhs),
}

by_value! { cmp_op(()):
    cmp_i_i_i(dst, lhs, rhs), cmp_i_i_ic(dst, lhs, rhs), cmp_i_ic_i(dst, lhs, rhs), cmp_i_n_n(dst, lhs, rhs),
    cmp_i_n_nc(dst, lhs, rhs), cmp_i_nc_n(dst, lhs, rhs), cmp_i_s_s(dst, lhs, rhs), cmp_i_s_sc(dst, lhs, rhs),
    cmp_i_sc_s(dst, lhs, rhs), cmp_i_p_p(dst, lhs, rhs),
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

impl Vm {
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
