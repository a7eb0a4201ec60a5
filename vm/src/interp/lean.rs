//! The lean loop: subs made only of integer and number arithmetic, compare-and-branch and
//! plain calls run here, calls and returns included, without going back through
//! [`Vm::run_loop`] (bench/fib).
//!
//! A sub is lean when every op in it is a [`lean_op`] ([`crate::code::SubInfo::lean`],
//! decided at load time). When `run_loop` reaches a frame of a lean sub it hands over to
//! [`Vm::run_lean`], which runs that frame and every lean frame it calls in a small loop of
//! its own:
//!
//! - **Registers are windows in one stack** ([`Stack`], one for each of I, N and P; a lean
//!   sub has no string ops). A call is a new window after the caller's: no `Frame` is
//!   pushed, nothing is allocated once warm, and only the registers the callee may read
//!   before writing them are emptied ([`crate::code::SubInfo::unset`], `unset.rs`).
//! - **Calls and returns are the planned ones** ([`crate::code::CallPlan`], with the callee
//!   lean and only I and N values): the argument and return lists are copied window to
//!   window, the Sub goes into the register `find_sub_not_null` names, and the code object
//!   never changes, so the loop keeps its ops, pc and windows in locals.
//! - **Results and charging are `run_loop`'s, op for op**: the same arithmetic, ops counted
//!   at each branch, call and return, the slice ending there once the fuel is spent.
//!
//! Anything else (an op that is not lean, a call the plan does not cover, a callee that is
//! not lean, the depth limit) ends the loop *before* that op, uncharged, and `run_loop` goes
//! on from there. On the way out the windows become frames again ([`Vm::land`]): the frame
//! the loop started from gets its registers back and each lean callee gets a `Frame` on the
//! task's stack, so the collector, backtraces, exceptions and the next slice see exactly the
//! frames `run_loop` would have made. A return out of the first window goes through the
//! task's frames (`Vm::leave_planned`), and if the caller is lean too the loop goes on with
//! it as the first window. Tracing never uses the loop, and [`super::Config::lean`] turns it
//! off; `tests/ops.rs` runs the same programs both ways at many slice sizes.
//!
//! bench/fib: 0.093 s -> 0.065 s (fib(22): 635 -> 470 instructions per call, Lua 5.4 253).
//! What is left is mostly bookkeeping the compiler keeps on the stack: the call arm reads
//! the plan, grows three stacks, empties three windows and saves six window bounds.

use super::{Task, Vm};
use crate::code::{ArgValue, Code};
use crate::op::{ArgsId, Op};
use crate::pmc::{PVal, PmcRef};
use std::rc::Rc;

/// Whether a sub made only of ops like `op` may run in the lean loop. The call-shape ops are
/// in the set because planned calls and returns cover them; when one is not covered the loop
/// hands it to `run_loop`.
pub(crate) fn lean_op(op: &Op) -> bool {
    matches!(
        op,
        Op::noop {}
            | Op::branch_ic { .. }
            | Op::if_i_ic { .. }
            | Op::unless_i_ic { .. }
            | Op::set_i_i { .. }
            | Op::set_i_ic { .. }
            | Op::set_n_n { .. }
            | Op::set_n_nc { .. }
            | Op::add_i_i_i { .. }
            | Op::add_i_i_ic { .. }
            | Op::add_i_ic { .. }
            | Op::add_i_i { .. }
            | Op::sub_i_i_i { .. }
            | Op::sub_i_i_ic { .. }
            | Op::sub_i_ic { .. }
            | Op::sub_i_i { .. }
            | Op::mul_i_i_i { .. }
            | Op::mul_i_i_ic { .. }
            | Op::inc_i { .. }
            | Op::dec_i { .. }
            | Op::add_n_n_n { .. }
            | Op::sub_n_n_n { .. }
            | Op::mul_n_n_n { .. }
            | Op::eq_i_i_ic { .. }
            | Op::ne_i_i_ic { .. }
            | Op::lt_i_i_ic { .. }
            | Op::le_i_i_ic { .. }
            | Op::gt_i_i_ic { .. }
            | Op::ge_i_i_ic { .. }
            | Op::eq_i_ic_ic { .. }
            | Op::ne_i_ic_ic { .. }
            | Op::lt_i_ic_ic { .. }
            | Op::le_i_ic_ic { .. }
            | Op::gt_i_ic_ic { .. }
            | Op::ge_i_ic_ic { .. }
            | Op::find_sub_not_null_p_s { .. }
            | Op::set_args_pc { .. }
            | Op::invokecc_p { .. }
            | Op::get_params_pc { .. }
            | Op::get_results_pc { .. }
            | Op::set_returns_pc { .. }
            | Op::returncc {}
    )
}

/// How the lean loop ended.
pub(super) enum Exit {
    /// At an op it leaves to `run_loop`, not yet run or charged (the top frame's `pc`).
    Here,
    /// The fuel is spent; the top frame's `pc` is where to go on.
    Yield,
}

/// A lean frame waiting for its callee: its sub, where it goes on (its `get_results`), and
/// where its registers start in [`Stack`] and how many there are (I, N, P).
#[derive(Clone, Copy, Debug)]
struct Saved {
    sub: u32,
    pc: u32,
    base: [usize; 3],
    size: [usize; 3],
}

/// The lean loop's registers: one window per frame in each of three stacks (I, N, P; a
/// lean sub has no string ops), and the frames waiting for a return. Kept in the [`Vm`]
/// between runs, so a warm loop allocates nothing.
#[derive(Debug, Default)]
pub(super) struct Stack {
    i: Vec<i64>,
    n: Vec<f64>,
    p: Vec<PVal>,
    saved: Vec<Saved>,
}

/// Grows `v` to at least `n` values.
#[inline(always)]
fn room<T: Clone>(v: &mut Vec<T>, n: usize, x: T) {
    if v.len() < n {
        v.resize(n.max(64).next_power_of_two(), x);
    }
}

/// Sets the `n` values of `v` from `at` to `x`: plain stores for the usual none, one or two
/// (a `memset` call costs more than the rest of the call, bench/fib).
#[inline(always)]
fn clear<T: Copy>(v: &mut [T], at: usize, n: usize, x: T) {
    match v.get_mut(at..at + n) {
        Some([]) | None => {}
        Some([a]) => *a = x,
        Some([a, b]) => {
            *a = x;
            *b = x;
        }
        Some(w) => w.fill(x),
    }
}

/// Whether a list signature ([`Code::arg_sig`]) has only I and N values: no kind has its
/// high bit set (S is 2, P is 3; the leading marker bit sits at an even position).
#[inline(always)]
fn numeric(sig: u64) -> bool {
    sig != 0 && sig & 0xAAAA_AAAA_AAAA_AAAA == 0
}

impl Stack {
    /// Copies list `vals` (read in the window at `from`) into the registers of list
    /// `targets` (in the window at `to`); both lists have one numeric signature.
    fn copy(&mut self, code: &Code, vals: ArgsId, from: [usize; 3], targets: ArgsId, to: [usize; 3]) {
        let (Some(vals), Some(targets)) = (code.args.get(vals.0 as usize), code.args.get(targets.0 as usize)) else {
            return;
        };
        for (v, t) in vals.iter().zip(targets) {
            match (v.value, t.value) {
                (ArgValue::I(a), ArgValue::I(b)) => {
                    self.i[to[0] + usize::from(b.0)] = self.i[from[0] + usize::from(a.0)]
                }
                (ArgValue::Ic(a), ArgValue::I(b)) => self.i[to[0] + usize::from(b.0)] = a,
                (ArgValue::N(a), ArgValue::N(b)) => {
                    self.n[to[1] + usize::from(b.0)] = self.n[from[1] + usize::from(a.0)]
                }
                (ArgValue::Nc(a), ArgValue::N(b)) => self.n[to[1] + usize::from(b.0)] = a,
                _ => {}
            }
        }
    }
}

impl Vm {
    /// Runs the top frame (of a lean sub) and the lean frames it calls, adding the ops it
    /// runs to `executed`; on the way out the frames it made are put on the task's stack.
    /// See the module doc.
    #[inline(never)]
    pub(super) fn run_lean(&mut self, task: &mut Task, fuel: u64, executed: &mut u64) -> Exit {
        if task.exception.is_some() {
            return Exit::Here;
        }
        let Some(root) = task.frames.last() else { return Exit::Here };
        let code = root.code.clone();
        let ops: &[Op] = &code.ops;
        let mut st = std::mem::take(&mut self.lean);
        let (mut sub, mut pc, mut base, mut size): (u32, usize, [usize; 3], [usize; 3]);
        // The top frame of the task becomes the first window (with its own sizes: the REPL
        // may have grown them).
        macro_rules! take_root {
            () => {{
                let Some(root) = task.frames.last() else { return Exit::Here };
                st.saved.clear();
                size = [root.i.len(), root.n.len(), root.p.len()];
                base = [0; 3];
                room(&mut st.i, size[0], 0);
                room(&mut st.n, size[1], 0.0);
                room(&mut st.p, size[2], None);
                st.i[..size[0]].copy_from_slice(&root.i);
                st.n[..size[1]].copy_from_slice(&root.n);
                st.p[..size[2]].copy_from_slice(&root.p);
                (sub, pc) = (root.sub, root.pc as usize);
            }};
        }
        // `task.args` stays as it is: a frame entered at its `get_params` (a callback, a
        // task) has its arguments there, and the loop hands that op to `run_loop`.
        take_root!();
        let (max_depth, id) = (self.config.max_depth, u64::from(self.id));
        let mut done = *executed;
        // Set once the frames are back on the task's stack already.
        let mut landed = false;
        let exit = 'frame: loop {
            let Stack { i: si, n: sn, .. } = &mut st;
            let Some(wi) = si.get_mut(base[0]..base[0] + size[0]) else { break Exit::Here };
            let Some(wn) = sn.get_mut(base[1]..base[1] + size[1]) else { break Exit::Here };
            let mut seg = pc;
            macro_rules! jump {
                ($t:expr) => {{
                    done += (pc + 1 - seg) as u64;
                    pc = $t as usize;
                    seg = pc;
                    if done >= fuel {
                        break 'frame Exit::Yield;
                    }
                    continue;
                }};
            }
            // Leaves the op at `pc` to `run_loop`, charging the ops before it.
            macro_rules! stop {
                () => {{
                    done += (pc - seg) as u64;
                    break 'frame Exit::Here;
                }};
            }
            macro_rules! i {
                ($r:expr) => {
                    wi[$r.0 as usize]
                };
            }
            macro_rules! n {
                ($r:expr) => {
                    wn[$r.0 as usize]
                };
            }
            loop {
                let Some(&op) = ops.get(pc) else { stop!() };
                match op {
                    Op::noop {} => {}
                    Op::branch_ic { target } => jump!(target.0),
                    Op::if_i_ic { cond, target } => {
                        if i!(cond) != 0 {
                            jump!(target.0)
                        }
                    }
                    Op::unless_i_ic { cond, target } => {
                        if i!(cond) == 0 {
                            jump!(target.0)
                        }
                    }
                    Op::set_i_i { dst, src } => i!(dst) = i!(src),
                    Op::set_i_ic { dst, src } => i!(dst) = src,
                    Op::set_n_n { dst, src } => n!(dst) = n!(src),
                    Op::set_n_nc { dst, src } => n!(dst) = src,
                    Op::add_i_i_i { dst, lhs, rhs } => i!(dst) = i!(lhs).wrapping_add(i!(rhs)),
                    Op::add_i_i_ic { dst, lhs, rhs } => i!(dst) = i!(lhs).wrapping_add(rhs),
                    Op::add_i_ic { dst, rhs } => i!(dst) = i!(dst).wrapping_add(rhs),
                    Op::add_i_i { dst, rhs } => i!(dst) = i!(dst).wrapping_add(i!(rhs)),
                    Op::sub_i_i_i { dst, lhs, rhs } => i!(dst) = i!(lhs).wrapping_sub(i!(rhs)),
                    Op::sub_i_i_ic { dst, lhs, rhs } => i!(dst) = i!(lhs).wrapping_sub(rhs),
                    Op::sub_i_ic { dst, rhs } => i!(dst) = i!(dst).wrapping_sub(rhs),
                    Op::sub_i_i { dst, rhs } => i!(dst) = i!(dst).wrapping_sub(i!(rhs)),
                    Op::mul_i_i_i { dst, lhs, rhs } => i!(dst) = i!(lhs).wrapping_mul(i!(rhs)),
                    Op::mul_i_i_ic { dst, lhs, rhs } => i!(dst) = i!(lhs).wrapping_mul(rhs),
                    Op::inc_i { dst } => i!(dst) = i!(dst).wrapping_add(1),
                    Op::dec_i { dst } => i!(dst) = i!(dst).wrapping_sub(1),
                    Op::add_n_n_n { dst, lhs, rhs } => n!(dst) = n!(lhs) + n!(rhs),
                    Op::sub_n_n_n { dst, lhs, rhs } => n!(dst) = n!(lhs) - n!(rhs),
                    Op::mul_n_n_n { dst, lhs, rhs } => n!(dst) = n!(lhs) * n!(rhs),
                    Op::eq_i_i_ic { lhs, rhs, target } => {
                        if i!(lhs) == i!(rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::ne_i_i_ic { lhs, rhs, target } => {
                        if i!(lhs) != i!(rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::lt_i_i_ic { lhs, rhs, target } => {
                        if i!(lhs) < i!(rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::le_i_i_ic { lhs, rhs, target } => {
                        if i!(lhs) <= i!(rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::gt_i_i_ic { lhs, rhs, target } => {
                        if i!(lhs) > i!(rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::ge_i_i_ic { lhs, rhs, target } => {
                        if i!(lhs) >= i!(rhs) {
                            jump!(target.0)
                        }
                    }
                    Op::eq_i_ic_ic { lhs, rhs, target } => {
                        if i!(lhs) == rhs {
                            jump!(target.0)
                        }
                    }
                    Op::ne_i_ic_ic { lhs, rhs, target } => {
                        if i!(lhs) != rhs {
                            jump!(target.0)
                        }
                    }
                    Op::lt_i_ic_ic { lhs, rhs, target } => {
                        if i!(lhs) < rhs {
                            jump!(target.0)
                        }
                    }
                    Op::gt_i_ic_ic { lhs, rhs, target } => {
                        if i!(lhs) > rhs {
                            jump!(target.0)
                        }
                    }
                    Op::ge_i_ic_ic { lhs, rhs, target } => {
                        if i!(lhs) >= rhs {
                            jump!(target.0)
                        }
                    }
                    Op::le_i_ic_ic { lhs, rhs, target } => {
                        if i!(lhs) <= rhs {
                            jump!(target.0)
                        }
                    }
                    // A planned call into a lean sub with only I and N values: a new window.
                    Op::find_sub_not_null_p_s { dst, .. } => {
                        let Some(&plan) = code.plan(pc) else { stop!() };
                        let hit = code.sub_cache.get(pc);
                        if hit >> 32 != id || !plan.lean || task.frames.len() + st.saved.len() >= max_depth {
                            stop!()
                        }
                        let (Some(sub_pmc), true) = (PmcRef::from_u32(hit as u32), usize::from(dst.0) < size[2]) else {
                            stop!()
                        };
                        // The register receives the Sub, as `find_sub_not_null` does.
                        st.p[base[2] + usize::from(dst.0)] = Some(sub_pmc);
                        let next = [base[0] + size[0], base[1] + size[1], base[2] + size[2]];
                        let want = plan.regs.map(usize::from);
                        room(&mut st.i, next[0] + want[0], 0);
                        room(&mut st.n, next[1] + want[1], 0.0);
                        room(&mut st.p, next[2] + want[2], None);
                        // Only what the callee may read before writing (`unset.rs`); P always.
                        clear(&mut st.i, next[0], usize::from(plan.unset[0]), 0);
                        clear(&mut st.n, next[1], usize::from(plan.unset[1]), 0.0);
                        clear(&mut st.p, next[2], want[2], None);
                        let [a, b] = plan.one.map(usize::from);
                        if a < size[0] && b < want[0] {
                            st.i[next[0] + b] = st.i[base[0] + a];
                        } else {
                            st.copy(&code, plan.args, base, plan.params, next);
                        }
                        st.saved.push(Saved { sub, pc: pc as u32 + 3, base, size });
                        done += (pc + 1 - seg) as u64 + 3;
                        let start = code.subs.get(plan.callee as usize).map_or(0, |s| s.start as usize);
                        (sub, base, size, pc) = (plan.callee, next, want, start + 1);
                        if done >= fuel {
                            break 'frame Exit::Yield;
                        }
                        continue 'frame;
                    }
                    // `set_returns` + `returncc` + the caller's `get_results`, within the loop.
                    Op::set_returns_pc { values } => {
                        let Some(&caller) = st.saved.last() else {
                            // Out of the first window: the frame below is the task's. The
                            // plain return runs on the task's frames, and if the caller is
                            // lean too it becomes the first window.
                            Vm::land(task, &st, Saved { sub, pc: pc as u32, base, size });
                            if !self.leave_planned(task, pc, values) {
                                landed = true;
                                stop!()
                            }
                            done += (pc + 1 - seg) as u64 + 2;
                            let lean = task.frames.last().is_some_and(|f| {
                                Rc::ptr_eq(&f.code, &code) && code.subs.get(f.sub as usize).is_some_and(|s| s.lean)
                            });
                            if done >= fuel || !lean {
                                landed = true;
                                break 'frame if done >= fuel { Exit::Yield } else { Exit::Here };
                            }
                            take_root!();
                            continue 'frame;
                        };
                        if !matches!(ops.get(pc + 1), Some(Op::returncc {})) {
                            stop!()
                        }
                        let Some(&Op::get_results_pc { results }) = ops.get(caller.pc as usize) else { stop!() };
                        let sig = code.arg_sig.get(values.0 as usize).copied().unwrap_or(0);
                        if !numeric(sig) || code.arg_sig.get(results.0 as usize) != Some(&sig) {
                            stop!()
                        }
                        let one = (code.one_int.get(values.0 as usize), code.one_int.get(results.0 as usize));
                        match one {
                            (Some(&a), Some(&b)) if usize::from(a) < size[0] && usize::from(b) < caller.size[0] => {
                                st.i[caller.base[0] + usize::from(b)] = st.i[base[0] + usize::from(a)];
                            }
                            _ => st.copy(&code, values, base, results, caller.base),
                        }
                        st.saved.pop();
                        done += (pc + 1 - seg) as u64 + 2;
                        (sub, base, size, pc) = (caller.sub, caller.base, caller.size, caller.pc as usize + 1);
                        if done >= fuel {
                            break 'frame Exit::Yield;
                        }
                        continue 'frame;
                    }
                    _ => stop!(),
                }
                pc += 1;
            }
        };
        *executed = done;
        if !landed {
            Vm::land(task, &st, Saved { sub, pc: pc as u32, base, size });
        }
        self.lean = st;
        exit
    }

    /// Puts the lean loop's frames back on the task's stack: the root frame's registers into
    /// it, and a frame for each lean callee above it. `running` is the frame that was running.
    #[cold]
    fn land(task: &mut Task, st: &Stack, running: Saved) {
        for k in 0..=st.saved.len() {
            let s = st.saved.get(k).copied().unwrap_or(running);
            if k > 0 {
                task.frames.call_here(s.sub);
            }
            let Some(f) = task.frames.last_mut() else { return };
            f.pc = s.pc;
            let ([ni, nn, np], [bi, bn, bp]) = (s.size, s.base);
            if let (Some(d), Some(w)) = (f.i.get_mut(..ni), st.i.get(bi..bi + ni)) {
                d.copy_from_slice(w);
            }
            if let (Some(d), Some(w)) = (f.n.get_mut(..nn), st.n.get(bn..bn + nn)) {
                d.copy_from_slice(w);
            }
            if let (Some(d), Some(w)) = (f.p.get_mut(..np), st.p.get(bp..bp + np)) {
                d.copy_from_slice(w);
            }
        }
    }
}
