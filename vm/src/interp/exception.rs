//! Exception ops (`push_eh pop_eh count_eh set_addr throw rethrow die`) and how an exception
//! travels: [`Vm::throw`] finds the handler or ends the task, [`Vm::backtrace`] says where
//! each frame was.
//!
//! Handlers belong to the frame that installed them (Parrot keeps them in the call context):
//! a sub sees and pops only its own.

use super::flow::{top, Flow};
use super::{sa, Frame, Handler, Step, Task, Vm};
use crate::code::SubInfo;
use crate::error::{severity, types, Backtrace, Exc, Location, Trap, BACKTRACE_FRAMES};
use crate::op::{IArg, IReg, Label, PReg, SArg};
use crate::pmc::{ContData, PmcData, PmcRef};
use crate::string::Str;

/// `push_eh L`
pub(super) fn push_eh_ic(_: &mut Vm, t: &mut Task, handler: Label) -> Flow {
    let depth = t.frames.len();
    t.handlers.push(Handler { depth, target: handler.0, active: false, pmc: None });
    Flow::Next
}

/// `push_eh P`: an ExceptionHandler PMC (with its type filter).
pub(super) fn push_eh_p(vm: &mut Vm, t: &mut Task, handler: PReg) -> Flow {
    let depth = t.frames.len();
    let f = top(t);
    match vm.handler_of(f.p[handler.0 as usize], depth, f) {
        Ok(h) => {
            t.handlers.push(h);
            Flow::Next
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `pop_eh`
pub(super) fn pop_eh(_: &mut Vm, t: &mut Task) -> Flow {
    let depth = t.frames.len();
    if t.handlers.last().is_some_and(|h| h.depth == depth) {
        t.handlers.pop();
        Flow::Next
    } else {
        Flow::Raise(Exc::new(types::EXCEPTION_INVALID_OPERATION, "No handler to delete."))
    }
}

/// `count_eh I`
pub(super) fn count_eh_i(_: &mut Vm, t: &mut Task, dst: IReg) -> Flow {
    let depth = t.frames.len();
    let n = t.handlers.iter().filter(|h| h.depth == depth).count() as i64;
    top(t).i[dst.0 as usize] = n;
    Flow::Next
}

/// `set_addr P, L`: where an ExceptionHandler PMC resumes, or where a Continuation goes on.
/// A Continuation also takes the running frame as the one it goes back to (Parrot takes the
/// context when the Continuation is made, and `new 'Continuation'` is always followed by its
/// `set_addr` in the same sub).
pub(super) fn set_addr_p_ic(vm: &mut Vm, t: &mut Task, handler: PReg, target: Label) -> Flow {
    let goto = Vm::goto_here(t, t.frames.len(), Some(target.0));
    match top(t).p[handler.0 as usize].map(|r| vm.heap.get_mut(r)) {
        Some(PmcData::ExceptionHandler(h)) => {
            h.target = Some(target.0);
            Flow::Next
        }
        Some(PmcData::Continuation(c)) => match &mut **c {
            ContData::Goto(g) => {
                *g = goto;
                Flow::Next
            }
            _ => Flow::Raise(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                "set_addr: an exception's resume continuation cannot be given an address",
            )),
        },
        Some(d) => Flow::Raise(Exc::unsupported("set_pointer", d.class_name())),
        None => Flow::Raise(Exc::null_access("set_pointer")),
    }
}

/// `set_label P, L`: `set_addr` by another name (Parrot's experimental ops).
pub(super) fn set_label_p_ic(vm: &mut Vm, t: &mut Task, handler: PReg, target: Label) -> Flow {
    set_addr_p_ic(vm, t, handler, target)
}

/// `get_label I, P`: where P resumes (a handler) or starts (a sub); -1 for a handler with
/// no address yet.
pub(super) fn get_label_i_p(vm: &mut Vm, f: &mut Frame, dst: IReg, obj: PReg) -> Flow {
    vm.address_of(f.p[obj.0 as usize]).map(|a| f.i[dst.0 as usize] = a).into()
}

impl Vm {
    /// The address `get_label`/`get_addr` give for a PMC (`VTABLE_get_pointer`).
    pub(super) fn address_of(&self, p: crate::pmc::PVal) -> Result<i64, Exc> {
        match p.map(|r| self.heap.get(r)) {
            Some(PmcData::ExceptionHandler(h)) => Ok(h.target.map_or(-1, i64::from)),
            Some(PmcData::Continuation(c)) => match &**c {
                ContData::Goto(g) => Ok(g.pc.map_or(-1, i64::from)),
                ContData::Resume(r) => Ok(i64::from(r.base_pc)),
                _ => Ok(-1),
            },
            Some(PmcData::Sub(code, i)) => Ok(code.subs.get(*i as usize).map_or(-1, |s| i64::from(s.start))),
            Some(d) => Err(Exc::unsupported("get_pointer", d.class_name())),
            None => Err(Exc::null_access("get_pointer")),
        }
    }
}

/// `throw P`: a handler may resume after it.
pub(super) fn throw_p(vm: &mut Vm, t: &mut Task, exc: PReg) -> Flow {
    throw(vm, t, exc, true)
}

/// `rethrow P`
pub(super) fn rethrow_p(vm: &mut Vm, t: &mut Task, exc: PReg) -> Flow {
    throw(vm, t, exc, false)
}

fn throw(vm: &mut Vm, t: &mut Task, exc: PReg, resumable: bool) -> Flow {
    let depth = t.frames.len();
    let f = top(t);
    let (p, pc) = (f.p[exc.0 as usize], f.pc);
    match p.map(|r| (r, vm.heap.get(r))) {
        Some((p, PmcData::Exception(_))) => {
            if resumable {
                vm.arm_resume(p, depth, pc + 1);
            }
            match vm.throw(t, p) {
                Ok(()) => Flow::Reload,
                Err(step) => Flow::Stop(step),
            }
        }
        Some(_) => Flow::Raise(Exc::new(types::EXCEPTION_INVALID_OPERATION, "Not a throwable object")),
        None => Flow::Raise(Exc::null_access("throw")),
    }
}

/// `die S`
pub(super) fn die_s(_: &mut Vm, f: &mut Frame, msg: SArg) -> Flow {
    Flow::Raise(Exc::new(types::EXCEPTION_DIE, sa(f, msg).to_text()))
}

/// `die P`: an Exception's message, or the PMC as a string.
pub(super) fn die_p(vm: &mut Vm, f: &mut Frame, exc: PReg) -> Flow {
    let p = f.p[exc.0 as usize];
    let msg = match p.map(|r| vm.heap.get(r)) {
        Some(PmcData::Exception(e)) => e.message.to_text(),
        _ => match vm.heap.get_string(p) {
            Ok(s) => s.to_text(),
            Err(e) => return Flow::Raise(e),
        },
    };
    Flow::Raise(Exc::new(types::EXCEPTION_DIE, msg))
}

/// `die severity, kind`: a doomed severity exits at once with `kind` as the status.
pub(super) fn die_i_i(_: &mut Vm, t: &mut Task, sev: IArg, kind: IArg) -> Flow {
    let f = top(t);
    let (sev, kind) = (super::ia(f, sev), super::ia(f, kind));
    if sev == severity::EXCEPT_DOOMED {
        t.frames.clear();
        return Flow::Stop(Step::Exit(kind as i32));
    }
    Flow::Raise(Exc { kind, severity: sev, message: String::new(), exit_code: 0 })
}

impl Vm {
    /// Turns an [`Exc`] into an Exception PMC.
    pub fn exception_pmc(&mut self, e: Exc) -> PmcRef {
        self.heap.alloc(PmcData::Exception(Box::new(crate::pmc::ExceptionData {
            message: Str::from(e.message),
            severity: e.severity,
            kind: e.kind,
            payload: None,
            exit_code: e.exit_code,
            resume: None,
        })))
    }

    /// Raises an exception in `task`: resumes at the nearest inactive handler, or returns the
    /// [`Step`] that ends the task.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub fn throw(&mut self, task: &mut Task, exc: PmcRef) -> Result<(), Step> {
        while let Some(h) = task.handlers.last().copied() {
            if h.depth > task.frames.len() {
                task.handlers.pop();
                continue;
            }
            let kind = match self.heap.get(exc) {
                PmcData::Exception(e) => e.kind,
                _ => 0,
            };
            let n = task.frames.len();
            let Some(idx) =
                task.handlers.iter().rposition(|h| !h.active && h.depth <= n && self.handler_takes(h, kind))
            else {
                break;
            };
            let h = task.handlers[idx];
            let target = self.handler_target(&h);
            task.handlers[idx].active = true;
            self.set_aside(task, exc, h.depth);
            task.frames.truncate(h.depth);
            if let Some(f) = task.frames.last_mut() {
                f.pc = target;
            }
            task.exception = Some((exc, target));
            return Ok(());
        }
        let (msg, exit) = match self.heap.get(exc) {
            PmcData::Exception(e) if e.severity == severity::EXCEPT_EXIT => (String::new(), Some(e.exit_code)),
            PmcData::Exception(e) => (e.message.to_text(), None),
            _ => (String::new(), None),
        };
        if let Some(code) = exit {
            task.frames.clear();
            return Err(Step::Exit(code as i32));
        }
        let message = if msg.is_empty() { "No exception handler and no message".to_string() } else { msg };
        let trap = Trap { message, backtrace: self.backtrace(task) };
        task.frames.clear();
        Err(Step::Trapped(trap))
    }

    /// Where each frame of `task` is, innermost first (at most [`BACKTRACE_FRAMES`]).
    pub fn backtrace(&self, task: &Task) -> Backtrace {
        let n = task.frames.len();
        let frames = task
            .frames
            .iter()
            .enumerate()
            .rev()
            .take(BACKTRACE_FRAMES)
            .map(|(i, f)| {
                // A caller's pc is its return address; report the call itself.
                let pc = if i + 1 == n { f.pc } else { f.pc.saturating_sub(1) };
                let (file, line) = f.code.location(pc);
                let sub = f.code.subs.get(f.sub as usize).map_or("?".to_string(), full_name);
                Location { sub, file, line, pc }
            })
            .collect();
        Backtrace { frames, older: n.saturating_sub(BACKTRACE_FRAMES) }
    }

    /// Raises an op's failure as an Exception PMC in `task` (see [`Vm::throw`]).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(crate) fn raise(&mut self, task: &mut Task, e: Exc) -> Result<(), Step> {
        // A long op the host interrupted (`interrupt.rs`): no handler sees it.
        if e.is_interrupt() && self.heap.meter.interrupt.stopping() {
            return Err(Step::Interrupted);
        }
        let p = self.exception_pmc(e);
        self.throw(task, p)
    }
}

/// A sub's name as Parrot's backtraces give it (`Parrot_sub_full_sub_name`, `src/sub.c`): the
/// bare name for a sub of the root namespace, else the HLL's namespace path and the name,
/// joined by `;` (`parrot;Test1;foo`).
pub(crate) fn full_name(s: &SubInfo) -> String {
    if s.namespace.is_empty() {
        return s.name.clone();
    }
    format!("parrot;{};{}", s.namespace.join(";"), s.name)
}
