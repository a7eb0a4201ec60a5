//! The lean compile: which subs run in the lean loop (`interp/tier/lean.rs`), and their ops
//! decoded for it, once, at load time.
//!
//! A sub is lean when [`decode`] takes every op, naming only registers it has, its registers
//! fit a window ([`Layout`]), every branch stays inside it and its last op cannot fall
//! through. Its planned calls ([`super::CallPlan`]) into lean subs become one [`L::Call`]
//! each, and its numeric returns one [`L::Ret`] or [`L::Ret1`]. The types here are what the
//! lean loop runs (it imports them; nothing here imports the loop), and the loop's module
//! doc says how it runs them.

use super::Prepared;
use crate::code::{ArgValue, Code, SubInfo};
use crate::op::{ArgsId, IReg, NReg, Op, PReg};

/// Slots in a window. A lean sub's I, N and P registers together take fewer than this, so
/// a slot is a `u8` and reading or writing one needs no bounds check.
pub(in crate::interp) const WIN: usize = 256;

/// One op as the lean loop runs it, decoded at load time ([`compile`]). Operands are slots
/// of the frame's window: I registers first, then N, then P (a Sub handle, or 0 for null).
/// Integer arithmetic wraps, as in `run_loop`; `sub` and `dec` by a constant are additions
/// of its negation, and `inc`, `add_i_ic` and the two-operand forms use the same variants.
#[derive(Clone, Copy, Debug, Default)]
pub(in crate::interp) enum L {
    /// Not lean here: `run_loop` runs this op (also `get_params`, `returncc` and the other
    /// call ops reached on their own).
    #[default]
    Stop,
    Nop,
    Jump(u32),
    If(u8, u32),
    Unless(u8, u32),
    /// A register copy (I or N: the bits are copied).
    Set(u8, u8),
    /// A constant (an integer, or a number's bits).
    Const(u8, u64),
    AddI(u8, u8, u8),
    AddIc(u8, u8, i64),
    SubI(u8, u8, u8),
    MulI(u8, u8, u8),
    MulIc(u8, u8, i64),
    AddN(u8, u8, u8),
    SubN(u8, u8, u8),
    MulN(u8, u8, u8),
    Eq(u8, u8, u32),
    Ne(u8, u8, u32),
    Lt(u8, u8, u32),
    Le(u8, u8, u32),
    Gt(u8, u8, u32),
    Ge(u8, u8, u32),
    EqC(u8, i64, u32),
    NeC(u8, i64, u32),
    LtC(u8, i64, u32),
    LeC(u8, i64, u32),
    GtC(u8, i64, u32),
    GeC(u8, i64, u32),
    /// `find_sub_not_null` + `set_args` + `invokecc` + (at the return) `get_results`: a
    /// planned call into a lean sub ([`LCall`]).
    Call(u32),
    /// `set_returns` + `returncc` ([`LRet`]).
    Ret(u32),
    /// [`L::Ret`] of one I register (its slot): straight into the caller's result register
    /// when the link names one.
    Ret1(u8, u32),
}

/// A value an argument or return list passes: a slot, or a constant's bits.
#[derive(Clone, Copy, Debug)]
pub(in crate::interp) enum Src {
    Slot(u8),
    Bits(u64),
}

/// A list in [`LeanCode::srcs`] or [`LeanCode::dsts`]: where it starts and how long it is.
pub(in crate::interp) type Slots = (u32, u8);

/// A planned call ([`super::prepare::CallPlan`]) from a lean sub into a lean sub, with only I
/// and N values both ways, in slots.
#[derive(Clone, Copy, Debug)]
pub(in crate::interp) struct LCall {
    /// The pc of its `find_sub_not_null` (the caller goes on at `pc + 4`).
    pub(in crate::interp) pc: u32,
    pub(in crate::interp) callee: u32,
    /// The callee's first op after its `get_params`.
    pub(in crate::interp) start: u32,
    /// The caller's window size (the callee's window starts after it).
    pub(in crate::interp) csize: u8,
    /// The caller's slot for the Sub (`find_sub_not_null`'s register).
    pub(in crate::interp) dst: u8,
    /// The callee's slots to empty, as (first, count): every P and the I registers of
    /// [`SubPrep::unset`](super::prepare::SubPrep::unset), then its N registers.
    pub(in crate::interp) clear: [(u8, u8); 2],
    /// What the callee's window gets in slot 0 ([`Stack`](crate::interp::frames::Stack)).
    pub(in crate::interp) link: u64,
    /// The usual call, done in the caller's window (see [`Near`]).
    pub(in crate::interp) near: Option<Near>,
    /// One I register in, one I register out: (caller's slot, callee's slot).
    pub(in crate::interp) one: Option<(u8, u8)>,
    pub(in crate::interp) args: Slots,
    pub(in crate::interp) params: Slots,
    /// The caller's `get_results`: its signature ([`Prepared::arg_sig`]), its slot when it is
    /// one I register, its slots.
    pub(in crate::interp) rsig: u64,
    pub(in crate::interp) rone: Option<u8>,
    pub(in crate::interp) results: Slots,
}

/// A call of one I value whose callee needs at most 8 slots emptied, all I or P, and whose
/// window (and 8 slots more) lies inside the caller's: the arguments, link and emptied
/// slots are written through the caller's window, as slots past its end.
#[derive(Clone, Copy, Debug)]
pub(in crate::interp) struct Near {
    /// The argument's slot.
    pub(in crate::interp) arg: u8,
    /// The callee's slot 0 and its parameter's slot, as seen from the caller's window.
    pub(in crate::interp) at: u8,
    pub(in crate::interp) param: u8,
}

/// A `set_returns` + `returncc` of a lean sub with only I and N values.
#[derive(Clone, Copy, Debug)]
pub(in crate::interp) struct LRet {
    /// The list, for a return out of the first window (`Vm::leave_planned`).
    pub(in crate::interp) values: ArgsId,
    pub(in crate::interp) sig: u64,
    /// The slot, when the list is one I register.
    pub(in crate::interp) one: Option<u8>,
    pub(in crate::interp) vals: Slots,
}

/// A code object's ops as the lean loop runs them ([`L`], one per op, at the same pc), with
/// the calls and returns they name. Built at load time by [`compile`].
#[derive(Clone, Debug, Default)]
pub(in crate::interp) struct LeanCode {
    pub(in crate::interp) ops: Vec<L>,
    pub(in crate::interp) calls: Vec<LCall>,
    pub(in crate::interp) rets: Vec<LRet>,
    pub(in crate::interp) srcs: Vec<Src>,
    pub(in crate::interp) dsts: Vec<u8>,
}

/// Where a lean sub's registers sit in its window: after the link (slot 0, see [`Stack`](crate::interp::frames::Stack)),
/// P from slot 1, then I, then N. P first and I next puts every P register and the I
/// registers a call must empty ([`SubPrep::unset`](super::prepare::SubPrep::unset): a prefix) in one range.
#[derive(Clone, Copy)]
pub(in crate::interp) struct Layout {
    pub(in crate::interp) i: u16,
    pub(in crate::interp) n: u16,
    pub(in crate::interp) p: u16,
}

impl Layout {
    /// A sub's layout, if its registers fit in a window with a `u8` to spare.
    pub(in crate::interp) fn of(sub: &SubInfo) -> Option<Layout> {
        let [i, n, _, p] = sub.regs;
        (1 + usize::from(i) + usize::from(n) + usize::from(p) < WIN).then_some(Layout { i, n, p })
    }
    pub(in crate::interp) fn size(self) -> u8 {
        (1 + self.i + self.n + self.p) as u8
    }
    pub(in crate::interp) fn i(self, r: IReg) -> Option<u8> {
        (r.0 < self.i).then_some((1 + self.p + r.0) as u8)
    }
    pub(in crate::interp) fn n(self, r: NReg) -> Option<u8> {
        (r.0 < self.n).then_some((1 + self.p + self.i + r.0) as u8)
    }
    pub(in crate::interp) fn p(self, r: PReg) -> Option<u8> {
        (r.0 < self.p).then_some((1 + r.0) as u8)
    }
    pub(in crate::interp) fn src(self, v: ArgValue) -> Option<Src> {
        match v {
            ArgValue::I(r) => self.i(r).map(Src::Slot),
            ArgValue::N(r) => self.n(r).map(Src::Slot),
            ArgValue::Ic(c) => Some(Src::Bits(c as u64)),
            ArgValue::Nc(x) => Some(Src::Bits(x.to_bits())),
            _ => None,
        }
    }
    pub(in crate::interp) fn dst(self, v: ArgValue) -> Option<u8> {
        match v {
            ArgValue::I(r) => self.i(r),
            ArgValue::N(r) => self.n(r),
            _ => None,
        }
    }
}

/// `op` as the lean loop runs it, or `None` when it is not lean (anything but integer and
/// number arithmetic, compare-and-branch and the call-shape ops) or names a register its
/// sub does not have. The call-shape ops are lean because planned calls and returns cover
/// them; when one is not covered the loop hands it to `run_loop`. Ops that only run fused ([`L::Call`], [`L::Ret`]) give [`L::Stop`]
/// here; [`compile`] fills those in.
fn decode(op: &Op, lay: Layout) -> Option<L> {
    let (i, n) = (|r: IReg| lay.i(r), |r: NReg| lay.n(r));
    Some(match *op {
        Op::noop {} => L::Nop,
        Op::branch_ic { target } => L::Jump(target.0),
        Op::if_i_ic { cond, target } => L::If(i(cond)?, target.0),
        Op::unless_i_ic { cond, target } => L::Unless(i(cond)?, target.0),
        Op::set_i_i { dst, src } => L::Set(i(dst)?, i(src)?),
        Op::set_i_ic { dst, src } => L::Const(i(dst)?, src as u64),
        Op::set_n_n { dst, src } => L::Set(n(dst)?, n(src)?),
        Op::set_n_nc { dst, src } => L::Const(n(dst)?, src.to_bits()),
        Op::add_i_i_i { dst, lhs, rhs } => L::AddI(i(dst)?, i(lhs)?, i(rhs)?),
        Op::add_i_i_ic { dst, lhs, rhs } => L::AddIc(i(dst)?, i(lhs)?, rhs),
        Op::add_i_ic { dst, rhs } => L::AddIc(i(dst)?, i(dst)?, rhs),
        Op::add_i_i { dst, rhs } => L::AddI(i(dst)?, i(dst)?, i(rhs)?),
        Op::sub_i_i_i { dst, lhs, rhs } => L::SubI(i(dst)?, i(lhs)?, i(rhs)?),
        Op::sub_i_i_ic { dst, lhs, rhs } => L::AddIc(i(dst)?, i(lhs)?, rhs.wrapping_neg()),
        Op::sub_i_ic { dst, rhs } => L::AddIc(i(dst)?, i(dst)?, rhs.wrapping_neg()),
        Op::sub_i_i { dst, rhs } => L::SubI(i(dst)?, i(dst)?, i(rhs)?),
        Op::mul_i_i_i { dst, lhs, rhs } => L::MulI(i(dst)?, i(lhs)?, i(rhs)?),
        Op::mul_i_i_ic { dst, lhs, rhs } => L::MulIc(i(dst)?, i(lhs)?, rhs),
        Op::inc_i { dst } => L::AddIc(i(dst)?, i(dst)?, 1),
        Op::dec_i { dst } => L::AddIc(i(dst)?, i(dst)?, -1),
        Op::add_n_n_n { dst, lhs, rhs } => L::AddN(n(dst)?, n(lhs)?, n(rhs)?),
        Op::sub_n_n_n { dst, lhs, rhs } => L::SubN(n(dst)?, n(lhs)?, n(rhs)?),
        Op::mul_n_n_n { dst, lhs, rhs } => L::MulN(n(dst)?, n(lhs)?, n(rhs)?),
        Op::eq_i_i_ic { lhs, rhs, target } => L::Eq(i(lhs)?, i(rhs)?, target.0),
        Op::ne_i_i_ic { lhs, rhs, target } => L::Ne(i(lhs)?, i(rhs)?, target.0),
        Op::lt_i_i_ic { lhs, rhs, target } => L::Lt(i(lhs)?, i(rhs)?, target.0),
        Op::le_i_i_ic { lhs, rhs, target } => L::Le(i(lhs)?, i(rhs)?, target.0),
        Op::gt_i_i_ic { lhs, rhs, target } => L::Gt(i(lhs)?, i(rhs)?, target.0),
        Op::ge_i_i_ic { lhs, rhs, target } => L::Ge(i(lhs)?, i(rhs)?, target.0),
        Op::eq_i_ic_ic { lhs, rhs, target } => L::EqC(i(lhs)?, rhs, target.0),
        Op::ne_i_ic_ic { lhs, rhs, target } => L::NeC(i(lhs)?, rhs, target.0),
        Op::lt_i_ic_ic { lhs, rhs, target } => L::LtC(i(lhs)?, rhs, target.0),
        Op::le_i_ic_ic { lhs, rhs, target } => L::LeC(i(lhs)?, rhs, target.0),
        Op::gt_i_ic_ic { lhs, rhs, target } => L::GtC(i(lhs)?, rhs, target.0),
        Op::ge_i_ic_ic { lhs, rhs, target } => L::GeC(i(lhs)?, rhs, target.0),
        Op::find_sub_not_null_p_s { dst, .. } => {
            lay.p(dst)?;
            L::Stop
        }
        Op::invokecc_p { sub } => {
            lay.p(sub)?;
            L::Stop
        }
        Op::set_args_pc { .. }
        | Op::get_params_pc { .. }
        | Op::get_results_pc { .. }
        | Op::set_returns_pc { .. }
        | Op::returncc {} => L::Stop,
        _ => return None,
    })
}

/// Where `l` may go next besides the following op.
fn target(l: L) -> Option<u32> {
    match l {
        L::Jump(t) | L::If(_, t) | L::Unless(_, t) => Some(t),
        L::Eq(_, _, t) | L::Ne(_, _, t) | L::Lt(_, _, t) | L::Le(_, _, t) | L::Gt(_, _, t) | L::Ge(_, _, t) => Some(t),
        L::EqC(_, _, t) | L::NeC(_, _, t) | L::LtC(_, _, t) | L::LeC(_, _, t) | L::GtC(_, _, t) | L::GeC(_, _, t) => {
            Some(t)
        }
        _ => None,
    }
}

/// Whether a list signature ([`Prepared::arg_sig`]) has only I and N values: no kind has its
/// high bit set (S is 2, P is 3; the leading marker bit sits at an even position).
fn numeric(sig: u64) -> bool {
    sig != 0 && sig & 0xAAAA_AAAA_AAAA_AAAA == 0
}

/// Decides which subs are lean ([`super::SubPrep::lean`]) and builds [`Prepared::lean`]
/// (see the module doc). A lean sub's last op cannot fall through into the next sub, whose
/// slots are laid out for another window.
pub(super) fn compile(p: &mut Prepared) {
    let code = &p.code;
    let mut ops = vec![L::Stop; code.ops.len()];
    for s in 0..code.subs.len() {
        let sub = &code.subs[s];
        let (start, end) = (sub.start as usize, (sub.end as usize).min(code.ops.len()));
        let decoded: Option<Vec<L>> = Layout::of(sub).and_then(|lay| {
            let body = code.ops.get(start..end).filter(|b| !b.is_empty())?;
            body.iter().map(|op| decode(op, lay)).collect()
        });
        let inside = |l: &L| target(*l).is_none_or(|t| (start..end).contains(&(t as usize)));
        let ends = matches!(code.ops.get(end.wrapping_sub(1)), Some(Op::branch_ic { .. } | Op::returncc {}));
        let lean = decoded.filter(|d| ends && d.iter().all(inside));
        p.per_sub[s].lean = lean.is_some();
        if let (Some(d), Some(slots)) = (lean, ops.get_mut(start..end)) {
            slots.copy_from_slice(&d);
        }
    }
    let mut out = LeanCode::default();
    for s in 0..code.subs.len() {
        let sub = &code.subs[s];
        let Some(lay) = Layout::of(sub).filter(|_| p.per_sub[s].lean) else { continue };
        let (start, end) = (sub.start as usize, (sub.end as usize).min(code.ops.len()));
        for (pc, op) in code.ops.iter().enumerate().take(end).skip(start) {
            let l = match *op {
                Op::find_sub_not_null_p_s { dst, .. } => out.call(p, s as u32, lay, pc, dst),
                Op::set_returns_pc { values } => out.ret(p, lay, pc, values),
                _ => continue,
            };
            if let (Some(l), Some(slot)) = (l, ops.get_mut(pc)) {
                *slot = l;
            }
        }
    }
    out.ops = ops;
    p.lean = out;
}

/// The builders [`compile`] fills a [`LeanCode`] with.
impl LeanCode {
    /// Adds list `id` (read in `lay`) to [`LeanCode::srcs`].
    fn srcs(&mut self, code: &Code, id: ArgsId, lay: Layout) -> Option<Slots> {
        let list = code.args.get(id.0 as usize)?;
        let at = self.srcs.len() as u32;
        for a in list {
            let s = lay.src(a.value)?;
            self.srcs.push(s);
        }
        Some((at, list.len() as u8))
    }

    /// Adds list `id` (registers written in `lay`) to [`LeanCode::dsts`].
    fn dsts(&mut self, code: &Code, id: ArgsId, lay: Layout) -> Option<Slots> {
        let list = code.args.get(id.0 as usize)?;
        let at = self.dsts.len() as u32;
        for a in list {
            let d = lay.dst(a.value)?;
            self.dsts.push(d);
        }
        Some((at, list.len() as u8))
    }

    /// The [`L::Call`] for the `find_sub_not_null` at `pc` of lean sub `caller`, if it
    /// starts a planned call into a lean sub followed by a numeric `get_results`.
    fn call(&mut self, code: &Prepared, caller: u32, lay: Layout, pc: usize, dst: PReg) -> Option<L> {
        let plan = code.plan(pc).filter(|p| numeric(p.sig))?;
        let Some(&Op::get_results_pc { results }) = code.ops.get(pc + 3) else { return None };
        let rsig = *code.arg_sig.get(results.0 as usize)?;
        let lean = code.per_sub.get(plan.callee as usize).is_some_and(|c| c.lean);
        let callee = code.subs.get(plan.callee as usize).filter(|_| lean)?;
        let to = Layout::of(callee)?;
        if !numeric(rsig) || pc + 3 >= code.subs.get(caller as usize)?.end as usize {
            return None;
        }
        let [ui, un] = plan.unset;
        let clear = [(1, (to.p + ui.min(to.i)) as u8), ((1 + to.p + to.i) as u8, un.min(to.n) as u8)];
        let (args, params, results) =
            (self.srcs(code, plan.args, lay)?, self.dsts(code, plan.params, to)?, self.dsts(code, results, lay)?);
        let one = match (args.1, self.srcs.get(args.0 as usize), self.dsts.get(params.0 as usize)) {
            (1, Some(&Src::Slot(a)), Some(&p)) if plan.sig == 0b100 => Some((a, p)),
            _ => None,
        };
        let rone = self.dsts.get(results.0 as usize).copied().filter(|_| rsig == 0b100);
        let csize = lay.size();
        let link = (pc as u64 + 4) << 32 | u64::from(csize) << 8 | u64::from(rone.unwrap_or(0));
        let fits = usize::from(csize) + usize::from(to.size()).max(9) <= WIN;
        let near = match one {
            Some((arg, p)) if fits && clear[0].1 <= 8 && clear[1].1 == 0 => {
                Some(Near { arg, at: csize, param: csize + p })
            }
            _ => None,
        };
        self.calls.push(LCall {
            pc: pc as u32,
            callee: plan.callee,
            start: callee.start + 1,
            csize,
            dst: lay.p(dst)?,
            clear,
            link,
            near,
            one,
            args,
            params,
            rsig,
            rone,
            results,
        });
        Some(L::Call(self.calls.len() as u32 - 1))
    }

    /// The [`L::Ret`] for the `set_returns` at `pc`, if `returncc` follows and the values
    /// are numeric.
    fn ret(&mut self, code: &Prepared, lay: Layout, pc: usize, values: ArgsId) -> Option<L> {
        let sig = *code.arg_sig.get(values.0 as usize)?;
        if !numeric(sig) || !matches!(code.ops.get(pc + 1), Some(Op::returncc {})) {
            return None;
        }
        let vals = self.srcs(code, values, lay)?;
        let one = match self.srcs.get(vals.0 as usize) {
            Some(&Src::Slot(a)) if sig == 0b100 => Some(a),
            _ => None,
        };
        self.rets.push(LRet { values, sig, one, vals });
        let k = self.rets.len() as u32 - 1;
        Some(one.map_or(L::Ret(k), |a| L::Ret1(a, k)))
    }
}
