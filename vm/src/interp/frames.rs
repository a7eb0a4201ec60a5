//! Call frames: [`Frame`] (one call's registers), [`Frames`] (a task's stack of them, which
//! stay where they are), [`Handler`] (an installed exception handler) and the lean loop's
//! register [`Stack`]. The operand readers [`ia`], [`na`] and [`sa`] read a frame.
//!
//! ## Frames that stay where they are
//! [`Frames`] is a `Vec<Frame>` with a live length. A return only lowers the length: the
//! frame stays in its slot as a spare, and the next call into that slot resets it in place
//! (registers emptied, code pointer kept when it is the same code object). So a call or a
//! return moves no `Frame`, and once warm it allocates nothing (bench/fib). Everything else
//! sees only the live frames: the type derefs to the slice of them.

use super::prepare::Prepared;
use crate::op::{IArg, NArg, SArg};
use crate::pmc::value::{PVal, PmcRef};
use crate::string::Str;
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

/// Spare frames kept above the live ones; deeper ones are dropped as the stack unwinds.
const SPARE: usize = 64;

/// A stack of call frames, outermost first, plus spare frames above them.
#[derive(Debug, Default)]
pub struct Frames {
    /// Live frames, then spares.
    v: Vec<Frame>,
    /// How many frames are live.
    live: usize,
}

impl Deref for Frames {
    type Target = [Frame];
    #[inline]
    fn deref(&self) -> &[Frame] {
        &self.v[..self.live]
    }
}

impl DerefMut for Frames {
    #[inline]
    fn deref_mut(&mut self) -> &mut [Frame] {
        &mut self.v[..self.live]
    }
}

impl<'a> IntoIterator for &'a Frames {
    type Item = &'a Frame;
    type IntoIter = std::slice::Iter<'a, Frame>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl Frames {
    /// Pushes `f` on top.
    pub fn push(&mut self, f: Frame) {
        match self.v.get_mut(self.live) {
            Some(slot) => *slot = f,
            None => self.v.push(f),
        }
        self.live += 1;
    }

    /// Takes the top frame off (its slot's spares go with it).
    pub fn pop(&mut self) -> Option<Frame> {
        if self.live == 0 {
            return None;
        }
        self.v.truncate(self.live);
        self.live -= 1;
        self.v.pop()
    }

    /// Drops every frame, spares included.
    pub fn clear(&mut self) {
        self.v.clear();
        self.live = 0;
    }

    /// Keeps the `n` outermost frames; the rest become spares.
    pub fn truncate(&mut self, n: usize) {
        if n < self.live {
            self.live = n;
            self.v.truncate(n + SPARE);
        }
    }

    /// Takes the frames from `base` up out of the stack.
    pub(super) fn drain_from(&mut self, base: usize) -> Vec<Frame> {
        let base = base.min(self.live);
        let out = self.v.drain(base..self.live).collect();
        self.live = base;
        out
    }

    /// Pushes `frames` on top, in order.
    pub(super) fn extend(&mut self, frames: Vec<Frame>) {
        self.v.truncate(self.live);
        self.v.extend(frames);
        self.live = self.v.len();
    }

    /// Pushes a frame for `sub` of `code`, resetting the spare in the slot if there is one.
    #[inline(always)]
    pub(super) fn call(&mut self, code: &Rc<Prepared>, sub: u32) {
        match self.v.get_mut(self.live) {
            Some(f) => f.reset(code, sub),
            None => self.v.push(Frame::new(code.clone(), sub)),
        }
        self.live += 1;
    }

    /// Pushes a frame for `sub` of the top frame's code object (there must be a top frame).
    #[inline(always)]
    pub(super) fn call_here(&mut self, sub: u32) {
        let live = self.live;
        let (lo, hi) = self.v.split_at_mut(live);
        let code = &lo[live - 1].code;
        match hi.first_mut() {
            Some(f) => f.reset(code, sub),
            None => {
                let f = Frame::new(code.clone(), sub);
                self.v.push(f);
            }
        }
        self.live += 1;
    }

    /// Ends the top frame (a return); it stays in its slot as a spare.
    #[inline(always)]
    pub(super) fn ret(&mut self) {
        self.live = self.live.saturating_sub(1);
        if self.v.len() > self.live + SPARE {
            self.v.truncate(self.live + SPARE);
        }
    }
}

/// One call frame: the sub's registers and where it is.
#[derive(Debug, Clone)]
pub struct Frame {
    /// The code object the sub lives in.
    pub code: Rc<Prepared>,
    /// Index into `code.subs`.
    pub sub: u32,
    /// The next op to run (for a caller: the op after its call).
    pub pc: u32,
    /// I registers.
    pub i: Vec<i64>,
    /// N registers.
    pub n: Vec<f64>,
    /// S registers.
    pub s: Vec<Str>,
    /// P registers.
    pub p: Vec<PVal>,
    /// What `set_result_info` stored: the result signature its callees' `result_info` reads.
    pub result_info: PVal,
}

impl Frame {
    pub(super) fn new(code: Rc<Prepared>, sub: u32) -> Frame {
        let info = &code.subs[sub as usize];
        let [ni, nn, ns, np] = info.regs.map(usize::from);
        let pc = info.start;
        Frame {
            code,
            sub,
            pc,
            i: vec![0; ni],
            n: vec![0.0; nn],
            s: vec![Str::null(); ns],
            p: vec![None; np],
            result_info: None,
        }
    }

    /// Points a returned frame at a new call, reusing its register vectors (no allocation
    /// once warm); every register starts empty.
    #[inline]
    pub(super) fn reset(&mut self, code: &Rc<Prepared>, sub: u32) {
        if self.sub == sub && Rc::ptr_eq(&self.code, code) {
            // The slot last held the same sub (recursion, a loop of calls): the register
            // vectors already have its sizes (or more, after `ensure_regs`).
            self.pc = code.subs.get(sub as usize).map_or(0, |s| s.start);
            // Only the registers the sub may read before writing them (`prepare/unset.rs`).
            let [ni, nn] =
                code.per_sub.get(sub as usize).map_or([self.i.len(), self.n.len()], |s| s.unset.map(usize::from));
            zero(self.i.get_mut(..ni).unwrap_or(&mut []), 0);
            zero(self.n.get_mut(..nn).unwrap_or(&mut []), 0.0);
            if !self.s.is_empty() {
                self.s.fill(Str::null());
            }
            zero(&mut self.p, None);
            self.result_info = None;
            return;
        }
        self.reset_other(code, sub);
    }

    /// [`Frame::reset`] for a different sub than the slot's last one.
    #[inline(never)]
    fn reset_other(&mut self, code: &Rc<Prepared>, sub: u32) {
        let info = &code.subs[sub as usize];
        let [ni, nn, ns, np] = info.regs.map(usize::from);
        self.pc = info.start;
        self.sub = sub;
        refill(&mut self.i, ni, 0);
        refill(&mut self.n, nn, 0.0);
        if ns > 0 || !self.s.is_empty() {
            // Str::null() reads a thread-local; most subs have no S registers (bench/fib).
            self.s.clear();
            self.s.resize(ns, Str::null());
        }
        refill(&mut self.p, np, None);
        self.result_info = None;
        if !Rc::ptr_eq(&self.code, code) {
            self.code = code.clone();
        }
    }
    /// Grows the register file to what `sub` needs (the REPL runs new units in one frame).
    pub fn ensure_regs(&mut self, regs: [u16; 4]) {
        let [ni, nn, ns, np] = regs.map(usize::from);
        if self.i.len() < ni {
            self.i.resize(ni, 0);
        }
        if self.n.len() < nn {
            self.n.resize(nn, 0.0);
        }
        if self.s.len() < ns {
            self.s.resize(ns, Str::null());
        }
        if self.p.len() < np {
            self.p.resize(np, None);
        }
    }
}

/// Sets every element of `v` to `x` with plain stores: register files are a few words long,
/// and a call to `memset` costs more than that (bench/fib).
#[inline(always)]
fn zero<T: Copy>(v: &mut [T], x: T) {
    // Opaque, so that the compiler cannot turn the loop back into a `memset` call.
    let x = std::hint::black_box(x);
    let mut it = v.chunks_exact_mut(2);
    for c in &mut it {
        c[0] = x;
        c[1] = x;
    }
    for y in it.into_remainder() {
        *y = x;
    }
}

/// Sets `v` to `n` copies of `x`, reusing its buffer.
#[inline]
fn refill<T: Copy>(v: &mut Vec<T>, n: usize, x: T) {
    if v.len() == n {
        v.fill(x);
    } else {
        v.clear();
        v.resize(n, x);
    }
}

/// An installed exception handler.
#[derive(Debug, Clone, Copy)]
pub struct Handler {
    /// The frame count when it was installed: it belongs to frame `depth - 1`.
    pub(super) depth: usize,
    /// Where it resumes.
    pub(super) target: u32,
    /// Set while it handles an exception, so a throw inside the handler goes outward.
    pub(super) active: bool,
    /// The ExceptionHandler PMC it was installed from (`push_eh P`), for its type filter.
    pub(super) pmc: Option<PmcRef>,
}

impl Handler {
    /// The ExceptionHandler PMC it was installed from, if any (a GC root).
    pub fn pmc(&self) -> Option<PmcRef> {
        self.pmc
    }
}

/// The value of a register-or-constant integer operand.
#[inline]
pub(super) fn ia(f: &Frame, a: IArg) -> i64 {
    match a.split() {
        Ok(r) => f.i[r as usize],
        Err(c) => f.code.ints[c as usize],
    }
}
/// The value of a register-or-constant number operand.
#[inline]
pub(super) fn na(f: &Frame, a: NArg) -> f64 {
    match a.split() {
        Ok(r) => f.n[r as usize],
        Err(c) => f.code.nums[c as usize],
    }
}
/// The value of a register-or-constant string operand.
#[inline]
pub(super) fn sa(f: &Frame, a: SArg) -> Str {
    match a.split() {
        Ok(r) => f.s[r as usize].clone(),
        Err(c) => f.code.strs[c as usize].clone(),
    }
}

/// The lean loop's registers: one window of slots per frame, each right after its
/// caller's. Slot 0 of a callee's window links it to its caller ([`LCall::link`](super::prepare::lean::LCall::link), a
/// constant of the call): where the caller goes on (after its `get_results`) in the high
/// half, the caller's window size in bits 8..16 (its window ends where this one starts),
/// and in bits 0..8 the caller's result register when `get_results` is one I register (0
/// otherwise: slot 0 is never a register). The first window's link is 0. Kept in the
/// [`Vm`](super::Vm) between runs, so a warm loop allocates nothing.
#[derive(Debug, Default)]
pub(crate) struct Stack {
    /// The windows, each right after its caller's.
    pub(super) v: Vec<u64>,
    /// The waiting frames, root first, as `Vm::land` rebuilds them: (call, window).
    pub(super) chain: Vec<(u32, usize)>,
}
