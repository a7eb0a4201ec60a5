//! Exception, ExceptionHandler and Continuation: what `throw`, `push_eh` and a resume use.

use super::{Elem, Heap, PVal, PmcData, PmcRef};
use crate::error::Exc;
use crate::string::Str;

/// The exception data of an Exception PMC.
#[derive(Clone, Debug)]
pub struct ExceptionData {
    /// The message (`get_string`).
    pub message: Str,
    /// Parrot's severity.
    pub severity: i64,
    /// Parrot's exception type.
    pub kind: i64,
    /// An optional payload PMC.
    pub payload: PVal,
    /// For an exit exception, the status.
    pub exit_code: i64,
    /// `P["resume"]`: the Continuation that resumes after the `throw` that raised it.
    pub resume: PVal,
}

/// An ExceptionHandler PMC (`push_eh P`): where it resumes and which exception types it takes.
#[derive(Clone, Debug, Default)]
pub struct HandlerData {
    /// The handler's address, set by `set_addr`.
    pub target: Option<u32>,
    /// The exception types it handles (`handle_types`); empty means every type.
    pub types: Vec<i64>,
}

/// What a Continuation PMC can still do.
#[derive(Clone, Debug)]
pub enum ContData {
    /// It goes back to a frame still on the task's stack (see [`Goto`]).
    Goto(Goto),
    /// It resumes a `throw` (see [`Resume`]).
    Resume(Box<Resume>),
    /// It resumed once already.
    Used,
    /// The exception was not raised by `throw`, so there is nothing to resume.
    NotResumable,
}

/// Where a Continuation made by `new 'Continuation'`, or a sub's return continuation
/// (`interpinfo .INTERPINFO_CURRENT_CONT`), goes: the frame it names is still on the task's
/// stack, so it holds no registers, only which frame (by depth, checked by its sub) and the
/// pc. Invoking it drops the frames above that one and goes on there, as a return does, with
/// the values passed to it as the return values; it can be invoked any number of times.
#[derive(Clone, Copy, Debug, Default)]
pub struct Goto {
    /// How many frames stay on the stack (the one it goes back to is the top); 0 with a sub
    /// of the outermost frame: invoking it ends the task, as returning from that sub does.
    pub depth: usize,
    /// The sub of the frame it goes back to (`code.subs` index), to tell a frame that
    /// returned and whose slot another call took.
    pub sub: u32,
    /// The code object of that frame (its address), for the same check.
    pub code: usize,
    /// Where that frame goes on; `None` until `set_label`/`set_addr` gives it an address.
    pub pc: Option<u32>,
}

/// Where a `throw` resumes: the frames above the handler's frame, set aside while the handler
/// runs, and where the handler's frame itself was.
#[derive(Clone, Debug)]
pub struct Resume {
    /// How many frames stay on the task while the handler runs (the handler's frame is the top).
    pub base: usize,
    /// The pc the handler's frame resumes at (the op after the throw, if it threw itself).
    pub base_pc: u32,
    /// The frames above `base`, outermost first, each at the pc it resumes at.
    pub frames: Vec<crate::interp::frames::Frame>,
    /// The exception handlers of those frames.
    pub handlers: Vec<crate::interp::frames::Handler>,
}

impl Heap {
    pub(super) fn set_exception_field(&mut self, r: PmcRef, field: &Str, v: Elem) -> Result<(), Exc> {
        let (i, s) = (self.elem_int(&v).unwrap_or(0), self.elem_str(&v).unwrap_or_else(|_| Str::empty()));
        let payload = if let Elem::P(p) = v { p } else { None };
        if let PmcData::Exception(e) = self.get_mut(r) {
            match field.as_bytes() {
                b"message" => e.message = s,
                b"severity" => e.severity = i,
                b"type" => e.kind = i,
                b"exit_code" => e.exit_code = i,
                b"payload" => e.payload = payload,
                _ => {}
            }
        }
        Ok(())
    }
}

impl Default for ExceptionData {
    /// What `new 'Exception'` makes: no message, an error, type 0.
    fn default() -> Self {
        ExceptionData {
            message: Str::null(),
            severity: crate::error::severity::EXCEPT_ERROR,
            kind: 0,
            payload: None,
            exit_code: 0,
            resume: None,
        }
    }
}

/// The PMCs an Exception (its payload and resume) or a Continuation (the P registers and
/// handlers of the frames it set aside) holds: the collector's trace.
pub(super) fn trace(d: &PmcData, out: &mut Vec<PmcRef>) {
    match d {
        PmcData::Exception(e) => out.extend(e.payload.into_iter().chain(e.resume)),
        PmcData::Continuation(c) => {
            if let ContData::Resume(r) = &**c {
                out.extend(r.frames.iter().flat_map(|f| f.p.iter().flatten().chain(&f.result_info)));
                out.extend(r.handlers.iter().filter_map(|h| h.pmc()));
            }
        }
        _ => {}
    }
}
