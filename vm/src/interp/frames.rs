//! The task's call stack: frames that stay where they are.
//!
//! [`Frames`] is a `Vec<Frame>` with a live length. A return only lowers the length: the
//! frame stays in its slot as a spare, and the next call into that slot resets it in place
//! (registers emptied, code pointer kept when it is the same code object). So a call or a
//! return moves no `Frame`, and once warm it allocates nothing (bench/fib). Everything else
//! sees only the live frames: the type derefs to the slice of them.

use super::Frame;
use super::Prepared;
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
