//! Continuations: an exception's `resume` ([`Resume`]: the frames above the handler, set
//! aside while it runs) and the ones a program makes or takes ([`Goto`]: a frame still on the
//! stack), and how invoking each one moves the task.
//!
//! Neither copies a register: a continuation names frames the task already has, on its stack
//! (`Goto`) or set aside in the continuation itself (`Resume`). Coroutines can keep their
//! frames the same way.

use super::{Frame, Handler, Step, Task, Vm};
use crate::error::{types, Exc};
use crate::pmc::{ContData, Goto, PVal, PmcData, PmcRef, Resume};
use std::rc::Rc;

impl Vm {
    /// `throw` at `pc` in the frame at `depth`: gives the exception a fresh `resume`
    /// continuation that goes on at `next`.
    pub(super) fn arm_resume(&mut self, exc: PmcRef, depth: usize, next: u32) {
        let resume = Resume { base: depth, base_pc: next, frames: Vec::new(), handlers: Vec::new() };
        let c = self.heap.alloc(PmcData::Continuation(Box::new(ContData::Resume(Box::new(resume)))));
        if let PmcData::Exception(e) = self.heap.get_mut(exc) {
            e.resume = Some(c);
        }
    }

    /// A handler in the frame at `base` (a frame count) is about to catch `exc`: the frames
    /// above it go into the exception's `resume` continuation, so resuming can bring them back.
    /// An exception with no continuation gets one that says it cannot be resumed.
    pub(super) fn set_aside(&mut self, task: &mut Task, exc: PmcRef, base: usize) {
        let cont = match self.heap.get(exc) {
            PmcData::Exception(e) => e.resume,
            _ => return,
        };
        let Some(c) = cont else {
            let c = self.heap.alloc(PmcData::Continuation(Box::new(ContData::NotResumable)));
            if let PmcData::Exception(e) = self.heap.get_mut(exc) {
                e.resume = Some(c);
            }
            return;
        };
        let PmcData::Continuation(data) = self.heap.get_mut(c) else { return };
        let ContData::Resume(r) = &mut **data else { return };
        if r.base <= base {
            return;
        }
        let n = task.frames.len();
        if n < r.base || base == 0 {
            // A frame it would resume in is gone.
            **data = ContData::NotResumable;
            return;
        }
        // Frames above the one it resumed in (callees of an inner handler) are dropped.
        task.frames.truncate(r.base);
        let mut moved: Vec<Frame> = task.frames.drain_from(base);
        if let Some(top) = moved.last_mut() {
            top.pc = r.base_pc;
        }
        moved.append(&mut r.frames);
        r.frames = moved;
        let mut hs: Vec<Handler> = task.handlers.iter().filter(|h| h.depth > base).copied().collect();
        task.handlers.retain(|h| h.depth <= base);
        hs.append(&mut r.handlers);
        r.handlers = hs;
        r.base = base;
        r.base_pc = task.frames[base - 1].pc;
    }

    /// Invoking a `resume` continuation: the frames set aside come back and the thrower goes
    /// on after its `throw`; the handler that caught is done.
    pub(super) fn resume(&mut self, task: &mut Task, c: PmcRef) -> Result<(), Exc> {
        let PmcData::Continuation(data) = self.heap.get_mut(c) else { return Ok(()) };
        let r = match std::mem::replace(&mut **data, ContData::Used) {
            ContData::Resume(r) => r,
            ContData::Goto(g) => {
                **data = ContData::Goto(g);
                return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "not an exception's resume continuation"));
            }
            ContData::Used => {
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    "Cannot resume: the exception was resumed already",
                ))
            }
            ContData::NotResumable => {
                **data = ContData::NotResumable;
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    "Cannot resume: only an exception raised by throw can be resumed",
                ));
            }
        };
        if task.frames.len() < r.base || r.base == 0 {
            return Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                "Cannot resume: the sub that caught the exception has returned",
            ));
        }
        let Resume { base, base_pc, frames, handlers } = *r;
        task.frames.truncate(base);
        task.handlers.retain(|h| h.depth <= base);
        if let Some(h) = task.handlers.iter_mut().rev().find(|h| h.active && h.depth == base) {
            h.active = false;
        }
        task.frames[base - 1].pc = base_pc;
        task.frames.extend(frames);
        task.handlers.extend(handlers);
        task.exception = None;
        Ok(())
    }

    /// A [`Goto`] to the frame at `depth` (a frame count) of `task`, at `pc`.
    pub(super) fn goto_here(task: &Task, depth: usize, pc: Option<u32>) -> Goto {
        match depth.checked_sub(1).and_then(|i| task.frames.get(i)) {
            Some(f) => Goto { depth, sub: f.sub, code: Rc::as_ptr(&f.code) as usize, pc },
            None => Goto { depth: 0, sub: 0, code: 0, pc },
        }
    }

    /// The return continuation of the running sub (`interpinfo .INTERPINFO_CURRENT_CONT`):
    /// invoked, it returns to the caller at its return address, as `returncc` does; the
    /// outermost sub's ends the task.
    pub(super) fn current_cont(&mut self, task: &Task) -> PmcRef {
        let depth = task.frames.len().saturating_sub(1);
        let pc = depth.checked_sub(1).map(|i| task.frames[i].pc);
        let mut g = Self::goto_here(task, depth, pc);
        if depth == 0 {
            g.pc = Some(0);
        }
        self.heap.alloc(PmcData::Continuation(Box::new(ContData::Goto(g))))
    }

    /// The [`Goto`] of a Continuation PMC (`invoke P, P`'s return continuation).
    pub(super) fn goto_of(&self, p: PVal) -> Result<Goto, Exc> {
        match p.map(|r| self.heap.get(r)) {
            Some(PmcData::Continuation(c)) => match &**c {
                ContData::Goto(g) => Ok(*g),
                _ => Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    "an exception's resume continuation cannot be a return continuation",
                )),
            },
            Some(d) => Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("the return continuation must be a Continuation, not a {}", d.class_name()),
            )),
            None => Err(Exc::null_access("invoke")),
        }
    }

    /// Checks that `g` can be invoked in `task` now: it has an address, and its frame is still
    /// on the stack. Gives the pc it goes on at.
    pub(super) fn goto_check(task: &Task, g: &Goto) -> Result<u32, Exc> {
        let Some(pc) = g.pc else {
            return Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                "Continuation invoked without an address (set_label gives it one)",
            ));
        };
        if g.depth == 0 {
            return Ok(pc);
        }
        match task.frames.get(g.depth - 1) {
            Some(f) if f.sub == g.sub && Rc::as_ptr(&f.code) as usize == g.code => Ok(pc),
            // Parrot's words (Parrot_sub_continuation_check, src/sub.c) for a context gone.
            _ => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "Continuation invoked after deactivation")),
        }
    }

    /// Invoking a [`Goto`] continuation: the frames above its frame end, and that frame goes on
    /// at the continuation's pc with the values passed to it (`set_args`) as return values,
    /// for a `get_results` there (Parrot's `Continuation.invoke`, src/pmc/continuation.pmc).
    pub(super) fn goto(&mut self, task: &mut Task, g: Goto) -> Result<(), Step> {
        let pc = match Self::goto_check(task, &g) {
            Ok(pc) => pc,
            Err(e) => return self.raise_at_call(task, e),
        };
        std::mem::swap(&mut task.rets, &mut task.args);
        std::mem::swap(&mut task.rets_named, &mut task.named);
        task.args.clear();
        task.named.clear();
        if g.depth == 0 {
            task.frames.truncate(usize::from(task.keep_outer));
            return Err(Step::Finished);
        }
        task.frames.truncate(g.depth);
        task.handlers.retain(|h| h.depth <= g.depth);
        task.frames[g.depth - 1].pc = pc;
        Ok(())
    }
}
