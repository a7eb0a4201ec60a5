//! The lean loop: subs made only of integer and number arithmetic, compare-and-branch and
//! plain calls run here, calls and returns included, without going back through
//! `run_loop` (`main_loop.rs`) (bench/fib).
//!
//! A sub is lean when every op in it is one [`decode`] takes, naming registers it has, its
//! registers fit a window, its branches stay inside it and its last op cannot fall through
//! ([`SubPrep::lean`](crate::interp::prepare::SubPrep::lean), decided at load time by `prepare/lean.rs`). When `run_loop`
//! reaches a frame of a lean sub it hands over to [`Vm::run_lean`], which runs that frame
//! and every lean frame it calls in a small loop of its own:
//!
//! - **Ops decoded at load time** ([`L`], one per op at the same pc, in [`Prepared::lean`]):
//!   operands are `u8` slots of the frame's window, `sub`/`dec` by a constant are additions,
//!   and a planned call (`find_sub_not_null` + `set_args` + `invokecc` + the callee's
//!   `get_params`, and at the return the caller's `get_results`) is one [`L::Call`], a
//!   `set_returns` + `returncc` one [`L::Ret`]. Every other op is [`L::Stop`].
//! - **Registers are windows in one stack of `u64`** ([`Stack`]): a frame's P, I and N
//!   registers side by side after a link slot, each window right after its caller's. The
//!   loop holds the window as `&mut [u64; 256]`, so a `u8` slot needs no bounds check. A
//!   call pushes no `Frame`, allocates nothing once warm, and empties only the registers the
//!   callee may read before writing them ([`SubPrep::unset`](crate::interp::prepare::SubPrep::unset)) and
//!   its P registers.
//! - **The return link is a constant of the call** ([`LCall::link`]), stored in slot 0 of
//!   the callee's window: where the caller goes on, the size of its window and its result
//!   register. The usual return (one I register each way, [`L::Ret1`]) reads nothing else.
//!   The usual call ([`Near`]) writes the argument, link and emptied slots through the
//!   caller's window and then moves to the new one.
//! - **Results and charging are `run_loop`'s, op for op**: the same arithmetic, and ops
//!   counted by the same [`Charge`] and `jump!` (`fuel.rs`) at each branch, call and return,
//!   the slice ending there once the fuel is spent.
//!
//! Anything else (an op that is not lean, a call the plan does not cover, a callee that is
//! not lean, the depth limit) ends the loop *before* that op, uncharged, and `run_loop` goes
//! on from there. On the way out the windows become frames again ([`Vm::land`], following
//! the links): the frame the loop started from gets its registers back and each lean callee
//! gets a `Frame` on the task's stack, so the collector, backtraces, exceptions and the next
//! slice see exactly the frames `run_loop` would have made. P slots hold only null and Sub
//! PMCs (which the VM keeps alive) and no collection runs inside the loop. A return out of
//! the first window goes through the task's frames (`Vm::leave_planned`), and if the caller
//! is lean too the loop goes on with it as the first window. Tracing never uses the loop,
//! and [`Config::lean`](crate::interp::Config::lean) turns it off; `tests/ops.rs` runs the same programs both ways
//! at many slice sizes.
//!
//! bench/fib: 0.065 s with `Op`s and a stack per register kind -> 0.033 s (fib(22): 470 ->
//! 211 instructions per call; Lua 5.4: 0.039 s, 253 per call). What is left per call is
//! about 45 instructions of dispatch, 35 of state moves around each call and return, and
//! the checks of the sub cache, depth limit and window bounds.
//!
//! ## Why two loops (measured)
//! The road to one loop would make every `Frame`'s I and N registers a window of one `u64`
//! stack per task (S and P in side stacks), as Lua does with `base` and wasmi with `sp`, so
//! that [`enter`] and [`Vm::land`] go and every sub gets this loop's call cost. Measured
//! before trying it, on bench/fib (`fib(30)`, 2,692,537 calls; callgrind, release build):
//!
//! | | instructions | per call |
//! |---|---|---|
//! | lean loop | 561.7 M | 209 |
//! | everything in `run_loop` ([`Config::lean`](crate::interp::Config::lean) off) | 1,286.8 M | 478 |
//! | of which `Frame::reset` | 228.9 M | 85 |
//! | of which `run_loop` (dispatch, `enter_planned`, `leave_planned`, frame reloads) | 1,054.2 M | 392 |
//!
//! In CPU time the lean loop takes 0.40 of `run_loop`'s (median ratio of 7 interleaved
//! runs of each).
//!
//! What windows alone buy is known from this file's history: windows in a loop of its own,
//! still running `Op`s, took fib from 0.093 s to 0.065 s; decoding the ops at load time into
//! `u8` slots with no bounds checks, and the return link as a constant of the call, took it
//! on to 0.033 s. So a window for every frame would save the reset (85 per call) and part
//! of the frame reload, not bring every sub to 209: most of the rest is the decoded ops,
//! which only lean subs have. And in `run_loop` the window base would be a hoisted local
//! that changes at every call and return; making the frame reassignable there already cost
//! `mops_intval` 3% (`call.rs`, "Tried and left"), the most the speed gate allows. Every
//! handler also reads registers through `Frame` (about 110 sites in `interp/*.rs`), so the
//! change is large for a gain that the history puts at under half the gap.
//!
//! So the two loops stay: this one for integer and number subs with planned calls, and
//! `run_loop` for the rest, sharing the load-time lowering (`prepare.rs`), the fuel charge
//! (`fuel.rs`) and the planned return (`Vm::leave_planned`). The cheaper road to give more
//! subs this loop's cost is decoding more ops into [`L`] (so more subs are lean), not windows
//! for every frame.
//!
//! ## Continuations and coroutines keep their frames
//! A `Frame` owns its registers, so a continuation keeps frames by moving them off the
//! task's stack and back (an exception's `resume` continuation: `Frames::drain_from` and
//! `extend`, `call.rs`), and a task, which a coroutine would be, owns its frames. This
//! loop's windows exist only while it runs: every way out lands them as frames
//! ([`Vm::land`]), and every op that can take or invoke a continuation (`throw`, an
//! `invokecc` that is not a planned call, the scheduler ops) runs in `run_loop`, after
//! that, so a continuation never sees a window. Had every frame been a window, a frame would
//! be a base and size in its task's stack: a continuation would copy the windows above its
//! base out (bases kept relative to the copy) and back onto the top of the stack to resume,
//! and a coroutine would get a stack of its own, as a Lua coroutine does, so its frames stay
//! where they are while it is suspended; the P side stack of each task and of each
//! continuation would be a collector root.

use crate::interp::arith;
use crate::interp::frames::{Frame, Stack};
use crate::interp::fuel::{self, Charge};
use crate::interp::prepare::lean::{LCall, Layout, LeanCode, Slots, Src, L, WIN};
use crate::interp::prepare::Prepared;
use crate::interp::state::{Task, Vm};
use crate::pmc::PmcRef;
use std::rc::Rc;

impl LeanCode {
    /// The call a frame goes on after when it returns to `pc` (its `get_results` + 1).
    fn call_before(&self, pc: usize) -> Option<&LCall> {
        let Some(&L::Call(k)) = self.ops.get(pc.wrapping_sub(4)) else { return None };
        self.calls.get(k as usize)
    }

    /// Copies the values of list `from` (read at window `fb`) into the slots of list `to`
    /// (at window `tb`); the lists have one signature and the windows do not overlap.
    fn copy(&self, v: &mut [u64], from: Slots, fb: usize, to: Slots, tb: usize) {
        let srcs = self.srcs.iter().skip(from.0 as usize).take(usize::from(from.1));
        let dsts = self.dsts.iter().skip(to.0 as usize).take(usize::from(to.1));
        for (s, &d) in srcs.zip(dsts) {
            let x = match *s {
                Src::Slot(a) => v.get(fb + usize::from(a)).copied().unwrap_or(0),
                Src::Bits(b) => b,
            };
            if let Some(t) = v.get_mut(tb + usize::from(d)) {
                *t = x;
            }
        }
    }
}

/// How the lean loop ended.
pub(super) enum Exit {
    /// At an op it leaves to `run_loop`, not yet run or charged (the top frame's `pc`).
    Here,
    /// The fuel is spent; the top frame's `pc` is where to go on.
    Yield,
}

/// The window that starts at `base`.
#[inline(always)]
fn window(v: &mut [u64], base: usize) -> Option<&mut [u64; WIN]> {
    v.get_mut(base..base + WIN)?.try_into().ok()
}

/// Makes `v` long enough for a window at `base`.
#[inline(always)]
fn room(v: &mut Vec<u64>, base: usize) {
    if v.len() < base + WIN {
        v.resize((base + WIN).next_power_of_two(), 0);
    }
}

/// Where the loop ended: the pc and window of the frame that was running.
#[derive(Clone, Copy)]
struct Running {
    pc: u32,
    base: usize,
}

/// Loads the top frame into the first window if it can run in the loop: a lean sub of
/// `code`, at a pc inside it, with the register counts of its sub (the REPL may have grown
/// them). Returns its pc.
fn enter(v: &mut Vec<u64>, code: &Rc<Prepared>, f: &Frame) -> Option<usize> {
    let lean = code.per_sub.get(f.sub as usize).is_some_and(|s| s.lean);
    let sub = code.subs.get(f.sub as usize).filter(|_| lean && Rc::ptr_eq(&f.code, code))?;
    let lay = Layout::of(sub)?;
    let inside = (sub.start..sub.end).contains(&f.pc);
    if !inside || (f.i.len(), f.n.len(), f.p.len()) != (lay.i.into(), lay.n.into(), lay.p.into()) {
        return None;
    }
    room(v, 0);
    let (link, rest) = v.split_at_mut(1);
    link.fill(0);
    let (wp, rest) = rest.split_at_mut(f.p.len());
    let (wi, wn) = rest.split_at_mut(f.i.len());
    for (w, &x) in wp.iter_mut().zip(&f.p) {
        *w = x.map_or(0, |r| u64::from(r.to_u32()));
    }
    for (w, &x) in wi.iter_mut().zip(&f.i) {
        *w = x as u64;
    }
    for (w, &x) in wn.iter_mut().zip(&f.n) {
        *w = x.to_bits();
    }
    Some(f.pc as usize)
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
        let lean = &code.lean;
        let lops: &[L] = &lean.ops;
        let mut st = std::mem::take(&mut self.lean);
        let Stack { v, chain } = &mut st;
        let Some(mut pc) = enter(v, &code, root) else {
            self.lean = st;
            return Exit::Here;
        };
        let (max_depth, id) = (self.config.max_depth, u64::from(self.id));
        // Frames the loop may add before the depth limit, and the frames it added.
        let mut limit = max_depth.saturating_sub(task.frames.len());
        let mut depth = 0usize;
        let mut base = 0usize;
        let mut ch = Charge { seg: pc, executed: *executed };
        // Set once the frames are back on the task's stack already.
        let mut landed = false;
        // `v.len()`, kept while a window borrows `v`.
        let mut vlen = v.len();
        let Some(mut w) = window(v, 0) else {
            self.lean = st;
            return Exit::Here;
        };
        macro_rules! jump {
            ($t:expr) => {
                fuel::jump!(ch, pc, $t, fuel, break Exit::Yield)
            };
        }
        // Leaves the op at `pc` to `run_loop`, charging the ops before it.
        macro_rules! stop {
            () => {{
                ch.before(pc);
                break Exit::Here;
            }};
        }
        macro_rules! s {
            ($r:expr) => {
                w[usize::from($r)]
            };
        }
        macro_rules! i {
            ($r:expr) => {
                w[usize::from($r)] as i64
            };
        }
        macro_rules! n {
            ($r:expr) => {
                f64::from_bits(w[usize::from($r)])
            };
        }
        let exit = loop {
            let Some(&l) = lops.get(pc) else { stop!() };
            match l {
                L::Stop => stop!(),
                L::Nop => {}
                L::Jump(t) => jump!(t),
                L::If(c, t) => {
                    if s!(c) != 0 {
                        jump!(t)
                    }
                }
                L::Unless(c, t) => {
                    if s!(c) == 0 {
                        jump!(t)
                    }
                }
                L::Set(d, a) => s!(d) = s!(a),
                L::Const(d, x) => s!(d) = x,
                L::AddI(d, a, b) => s!(d) = arith::int_add(i!(a), i!(b)) as u64,
                L::AddIc(d, a, c) => s!(d) = arith::int_add(i!(a), c) as u64,
                L::SubI(d, a, b) => s!(d) = arith::int_sub(i!(a), i!(b)) as u64,
                L::MulI(d, a, b) => s!(d) = arith::int_mul(i!(a), i!(b)) as u64,
                L::MulIc(d, a, c) => s!(d) = arith::int_mul(i!(a), c) as u64,
                L::AddN(d, a, b) => s!(d) = arith::num_add(n!(a), n!(b)).to_bits(),
                L::SubN(d, a, b) => s!(d) = arith::num_sub(n!(a), n!(b)).to_bits(),
                L::MulN(d, a, b) => s!(d) = arith::num_mul(n!(a), n!(b)).to_bits(),
                L::Eq(a, b, t) => {
                    if s!(a) == s!(b) {
                        jump!(t)
                    }
                }
                L::Ne(a, b, t) => {
                    if s!(a) != s!(b) {
                        jump!(t)
                    }
                }
                L::Lt(a, b, t) => {
                    if i!(a) < i!(b) {
                        jump!(t)
                    }
                }
                L::Le(a, b, t) => {
                    if i!(a) <= i!(b) {
                        jump!(t)
                    }
                }
                L::Gt(a, b, t) => {
                    if i!(a) > i!(b) {
                        jump!(t)
                    }
                }
                L::Ge(a, b, t) => {
                    if i!(a) >= i!(b) {
                        jump!(t)
                    }
                }
                L::EqC(a, c, t) => {
                    if i!(a) == c {
                        jump!(t)
                    }
                }
                L::NeC(a, c, t) => {
                    if i!(a) != c {
                        jump!(t)
                    }
                }
                L::LtC(a, c, t) => {
                    if i!(a) < c {
                        jump!(t)
                    }
                }
                L::LeC(a, c, t) => {
                    if i!(a) <= c {
                        jump!(t)
                    }
                }
                L::GtC(a, c, t) => {
                    if i!(a) > c {
                        jump!(t)
                    }
                }
                L::GeC(a, c, t) => {
                    if i!(a) >= c {
                        jump!(t)
                    }
                }
                // A planned call into a lean sub: a new window after this one.
                L::Call(k) => {
                    let Some(c) = lean.calls.get(k as usize) else { stop!() };
                    let hit = code.sub_cache.get(pc);
                    if hit >> 32 != id || depth >= limit {
                        stop!()
                    }
                    let next = base + usize::from(c.csize);
                    if vlen < next + WIN {
                        room(v, next);
                        vlen = v.len();
                        let Some(ow) = window(v, base) else { stop!() };
                        w = ow;
                    }
                    // The register receives the Sub, as `find_sub_not_null` does.
                    s!(c.dst) = hit & 0xFFFF_FFFF;
                    // Only what the callee may read before writing (`prepare/unset.rs`); P always.
                    // Slots it writes before reading, and slots past its window, may hold
                    // anything, so the usual few go as one fixed store of 8.
                    if let Some(nr) = c.near {
                        let x = s!(nr.arg);
                        let at = usize::from(nr.at);
                        if let Some(z) = w.get_mut(at + 1..at + 9) {
                            z.fill(0);
                        }
                        s!(nr.at) = c.link;
                        s!(nr.param) = x;
                        let Some(nw) = window(v, next) else { stop!() };
                        w = nw;
                    } else {
                        let x = c.one.map_or(0, |(a, _)| s!(a));
                        let Some(nw) = window(v, next) else { stop!() };
                        w = nw;
                        let [(a, m), (b, o)] = c.clear;
                        for k in 0..m {
                            s!(a.wrapping_add(k)) = 0;
                        }
                        for k in 0..o {
                            s!(b.wrapping_add(k)) = 0;
                        }
                        s!(0u8) = c.link;
                        match c.one {
                            Some((_, p)) => s!(p) = x,
                            None => {
                                lean.copy(v, c.args, base, c.params, next);
                                let Some(nw) = window(v, next) else { stop!() };
                                w = nw;
                            }
                        }
                    }
                    depth += 1;
                    ch.through(pc);
                    ch.add(3);
                    (base, pc) = (next, c.start as usize);
                    ch.start(pc);
                    if ch.spent(fuel) {
                        break Exit::Yield;
                    }
                    continue;
                }
                // `set_returns` + `returncc` + the caller's `get_results`, when both are one I
                // register (the link says so; the first window's link is 0).
                L::Ret1(a, _) if s!(0u8) as u8 != 0 => {
                    let link = s!(0u8);
                    let x = s!(a);
                    let cb = base.wrapping_sub(usize::from((link >> 8) as u8));
                    let Some(nw) = window(v, cb) else { stop!() };
                    w = nw;
                    s!(link as u8) = x;
                    depth = depth.saturating_sub(1);
                    ch.through(pc);
                    ch.add(2);
                    (base, pc) = (cb, (link >> 32) as usize);
                    ch.start(pc);
                    if ch.spent(fuel) {
                        break Exit::Yield;
                    }
                    continue;
                }
                // The same for any numeric lists, and out of the first window.
                L::Ret(k) | L::Ret1(_, k) => {
                    let Some(r) = lean.rets.get(k as usize) else { stop!() };
                    if depth == 0 {
                        // Out of the first window: the frame below is the task's. The plain
                        // return runs on the task's frames, and if the caller is lean too it
                        // becomes the first window.
                        Vm::land(task, lean, v, chain, Running { pc: pc as u32, base });
                        landed = true;
                        if !self.leave_planned(task, pc, r.values) {
                            stop!()
                        }
                        ch.through(pc);
                        ch.add(2);
                        if ch.spent(fuel) {
                            break Exit::Yield;
                        }
                        let Some(f) = task.frames.last() else { break Exit::Here };
                        let Some(e) = enter(v, &code, f) else { break Exit::Here };
                        (pc, vlen) = (e, v.len());
                        (base, landed) = (0, false);
                        ch.start(pc);
                        limit = max_depth.saturating_sub(task.frames.len());
                        let Some(nw) = window(v, 0) else { break Exit::Here };
                        w = nw;
                        continue;
                    }
                    let link = s!(0u8);
                    let Some(c) = lean.call_before((link >> 32) as usize) else { stop!() };
                    if r.sig != c.rsig {
                        stop!()
                    }
                    let cb = base.wrapping_sub(usize::from(c.csize));
                    match (r.one, c.rone) {
                        (Some(a), Some(b)) => {
                            let x = s!(a);
                            let Some(nw) = window(v, cb) else { stop!() };
                            w = nw;
                            s!(b) = x;
                        }
                        _ => {
                            lean.copy(v, r.vals, base, c.results, cb);
                            let Some(nw) = window(v, cb) else { stop!() };
                            w = nw;
                        }
                    }
                    depth = depth.saturating_sub(1);
                    ch.through(pc);
                    ch.add(2);
                    (base, pc) = (cb, c.pc as usize + 4);
                    ch.start(pc);
                    if ch.spent(fuel) {
                        break Exit::Yield;
                    }
                    continue;
                }
            }
            pc += 1;
        };
        *executed = ch.executed;
        if !landed {
            Vm::land(task, lean, v, chain, Running { pc: pc as u32, base });
        }
        self.lean = st;
        exit
    }

    /// Puts the lean loop's frames back on the task's stack: the first window's registers
    /// into the top frame, and a frame for each lean callee above it, found by following
    /// the links down from the running frame's window.
    #[cold]
    fn land(task: &mut Task, lean: &LeanCode, v: &[u64], chain: &mut Vec<(u32, usize)>, running: Running) {
        chain.clear();
        let mut base = running.base;
        while base > 0 {
            let link = v.get(base).copied().unwrap_or(0);
            let Some(L::Call(k)) = lean.ops.get(((link >> 32) as usize).wrapping_sub(4)) else { return };
            let Some(c) = lean.calls.get(*k as usize) else { return };
            chain.push((*k, base));
            let Some(below) = base.checked_sub(usize::from(c.csize)) else { return };
            base = below;
        }
        let n = chain.len();
        for k in 0..=n {
            // The chain runs from the top down: frame k (0 is the task's own) was made by
            // entry n - k, and waits at the `get_results` of entry n - k - 1, the call that
            // made frame k + 1.
            let made = chain.get(n - k);
            let base = made.map_or(0, |&(_, b)| b);
            let pc = match (n - k).checked_sub(1).and_then(|j| chain.get(j)) {
                Some(&(call, _)) => lean.calls.get(call as usize).map_or(0, |c| c.pc + 3),
                None => running.pc,
            };
            if let Some(&(call, _)) = made {
                let Some(c) = lean.calls.get(call as usize) else { return };
                task.frames.call_here(c.callee);
            }
            let Some(f) = task.frames.last_mut() else { return };
            f.pc = pc;
            let (np, ni) = (f.p.len(), f.i.len());
            let w = |r: usize| v.get(base + 1 + r).copied().unwrap_or(0);
            for (r, x) in f.p.iter_mut().enumerate() {
                *x = PmcRef::from_u32(w(r) as u32);
            }
            for (r, x) in f.i.iter_mut().enumerate() {
                *x = w(np + r) as i64;
            }
            for (r, x) in f.n.iter_mut().enumerate() {
                *x = f64::from_bits(w(np + ni + r));
            }
        }
    }
}
