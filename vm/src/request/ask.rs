//! Asking: how an IO operation becomes a request, the same way for its op form
//! (`interp/io.rs`) and its method form (a native method's [`Reply::Io`](crate::pmc::Reply),
//! carried out in `interp/native.rs`). The op itself comes from `ops.rs`.
//!
//! - The **sync** form makes an entry whose answer goes to a register or to the method's
//!   return values ([`To`]) and leaves the loop with [`Step::Submit`] `wait: true`.
//! - The **async** form makes a Request PMC and its entry and leaves with `wait: false`.
//! - A **StringHandle** lives in the heap: its op is done here, at once, and answered through
//!   the same conversion (`complete.rs`), so both forms see what a runtime handle gives.

use super::{Entry, Kind, To};
use crate::error::{types, Exc};
use crate::host::{IoOp, IoResult, RequestId, SchedCall, Step};
use crate::interp::Vm;
use crate::pmc::{Elem, PVal, PmcData, PmcRef, RequestData};

/// Where an op on `P(handle)` goes.
pub(crate) enum Target {
    /// A runtime handle.
    Host(u32),
    /// A StringHandle in the heap.
    Mem(PmcRef),
}

/// What the sync form of an op on a handle gives.
pub(crate) enum Sync {
    /// Leave the loop with this step: the task waits for the answer.
    Submit(Step),
    /// The answer, at once (a StringHandle, or a `close` of a closed handle).
    Now(Elem),
}

impl Vm {
    /// Makes a request whose answer goes to `to`; `handle` is the PMC the op works on.
    pub(crate) fn new_request_entry(&mut self, kind: Kind, handle: PVal, to: To) -> RequestId {
        self.requests.insert(Entry { kind, handle, to, answer: None })
    }

    /// A new pending request PMC for an async op and its entry in the request table; the
    /// callback must be null or a Sub.
    pub(crate) fn new_request(
        &mut self,
        op: &'static str,
        kind: Kind,
        cb: PVal,
        handle: PVal,
    ) -> Result<(PmcRef, RequestId), Exc> {
        match cb.map(|c| self.heap.get(c)) {
            None | Some(PmcData::Sub(..)) => {}
            Some(d) => {
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("{op}: the callback must be a Sub or null, not {}", d.class_name()),
                ))
            }
        }
        self.next_request += 1;
        let r = self.heap.alloc(PmcData::Request(Box::new(RequestData::new(self.next_request, op, cb, handle))));
        let req = self.new_request_entry(kind, handle, To::Request(r));
        if let PmcData::Request(q) = self.heap.get_mut(r) {
            q.req = req;
        }
        Ok((r, req))
    }

    /// Where an op on `p` goes; `open`: the handle must be open.
    pub(crate) fn target(&self, p: PVal, open: bool) -> Result<Target, Exc> {
        match p.map(|r| (r, self.heap.get(r))) {
            Some((_, PmcData::FileHandle(h))) => {
                if open && h.closed {
                    Err(Exc::new(types::EXCEPTION_PIO_ERROR, "IO operation on a closed filehandle"))
                } else {
                    Ok(Target::Host(h.id))
                }
            }
            Some((r, PmcData::StringHandle(h))) => {
                if open && h.closed {
                    Err(Exc::new(types::EXCEPTION_PIO_ERROR, "IO operation on a closed StringHandle"))
                } else {
                    Ok(Target::Mem(r))
                }
            }
            Some((_, d)) => Err(Exc::new(types::EXCEPTION_PIO_ERROR, format!("{} is not a handle", d.class_name()))),
            None => Err(Exc::null_access("IO")),
        }
    }

    /// A request for `op`, whose handle is in it (or which needs none), that the task waits
    /// for; `h` is the PMC the answer updates.
    pub(crate) fn submit(&mut self, op: IoOp, h: PVal, to: To) -> Step {
        let req = self.new_request_entry(Kind::of(&op), h, to);
        Step::Submit { req, op, wait: true }
    }

    /// The sync form of an op on the handle `p`; the answer goes to `to` and updates `h`
    /// (usually `p`; `peek` leaves the handle's eof flag alone).
    pub(crate) fn ask_sync(&mut self, p: PVal, h: PVal, to: To, op: impl FnOnce(u32) -> IoOp) -> Result<Sync, Exc> {
        match self.target(p, true)? {
            Target::Host(id) => Ok(Sync::Submit(self.submit(op(id), h, to))),
            Target::Mem(m) => {
                let op = op(super::ops::UNSET);
                let req = self.new_request_entry(Kind::of(&op), h, to);
                let r = self.mem_io(m, op).unwrap_or_else(|e| IoResult::Failed(e.message));
                Ok(Sync::Now(self.answer_now(req, r)?))
            }
        }
    }

    /// The async form of an op on `p`: its Request PMC and the step that submits it. Handle
    /// errors (closed, not a handle) fail the request rather than throw: the async form
    /// reports through the request (DESIGN §2, "errors"). A StringHandle op completes at once.
    pub(crate) fn ask_async(
        &mut self,
        cb: PVal,
        p: PVal,
        name: &'static str,
        open: bool,
        op: impl FnOnce(u32) -> IoOp,
    ) -> Result<(PmcRef, Step), Exc> {
        let target = self.target(p, open);
        let (op, target) = match target {
            Ok(Target::Host(id)) => (op(id), Ok(None)),
            Ok(Target::Mem(m)) => (op(super::ops::UNSET), Ok(Some(m))),
            Err(e) => (op(super::ops::UNSET), Err(e)),
        };
        let (r, req) = self.new_request(name, Kind::of(&op), cb, p)?;
        let result = match target {
            Ok(None) => return Ok((r, Step::Submit { req, op, wait: false })),
            Ok(Some(m)) => self.mem_io(m, op).unwrap_or_else(|e| IoResult::Failed(e.message)),
            Err(e) => IoResult::Failed(e.message),
        };
        Ok((r, Step::Sched(SchedCall::Completed(self.complete(req, result)))))
    }

    /// The async form of an op whose handle is in it (or which needs none): its Request PMC
    /// and the step that submits it; `h` is the PMC the answer updates.
    pub(crate) fn ask_async_host(
        &mut self,
        cb: PVal,
        h: PVal,
        name: &'static str,
        op: IoOp,
    ) -> Result<(PmcRef, Step), Exc> {
        let (r, req) = self.new_request(name, Kind::of(&op), cb, h)?;
        Ok((r, Step::Submit { req, op, wait: false }))
    }

    /// The async form of an op that cannot be asked (`e`): a request that has already failed.
    pub(crate) fn ask_failed(&mut self, cb: PVal, h: PVal, name: &'static str, e: Exc) -> Result<(PmcRef, Step), Exc> {
        let (r, req) = self.new_request(name, Kind::Plain, cb, h)?;
        let done = self.complete(req, IoResult::Failed(e.message));
        Ok((r, Step::Sched(SchedCall::Completed(done))))
    }

    /// `close`, sync: a handle already closed is left alone; otherwise the request, and the
    /// PMC is closed whatever the answer (Parrot's `close` twice is a no-op).
    pub(crate) fn close_sync(&mut self, h: PVal, to: To) -> Result<Sync, Exc> {
        let was_open = match h.map(|r| self.heap.get(r)) {
            Some(PmcData::FileHandle(fh)) => !fh.closed,
            Some(PmcData::StringHandle(sh)) => !sh.closed,
            _ => true,
        };
        if !was_open {
            return Ok(Sync::Now(Elem::P(None)));
        }
        let r = self.ask_sync(h, h, to, |id| super::ops::close().on(id));
        self.mark_closed(h);
        r
    }

    /// `close`, async: the request (which fails if the handle is closed), and the PMC is
    /// closed.
    pub(crate) fn close_async(&mut self, cb: PVal, h: PVal) -> Result<(PmcRef, Step), Exc> {
        let r = self.ask_async(cb, h, "close", true, |id| super::ops::close().on(id));
        self.mark_closed(h);
        r
    }

    /// Marks a FileHandle closed.
    fn mark_closed(&mut self, h: PVal) {
        if let Some(PmcData::FileHandle(fh)) = h.map(|r| self.heap.get_mut(r)) {
            fh.closed = true;
        }
    }

    /// Runs an op on a StringHandle; returns the result for the op's destination.
    fn mem_io(&mut self, h: PmcRef, op: IoOp) -> Result<IoResult, Exc> {
        crate::pmc::handle::mem_io(&mut self.heap, h, op)
    }
}

impl IoOp {
    /// The op on host handle `id` (an op that names no handle is left as it is).
    pub(crate) fn on(self, id: u32) -> IoOp {
        match self {
            IoOp::Write { data, .. } => IoOp::Write { handle: id, data },
            IoOp::Read { count, .. } => IoOp::Read { handle: id, count },
            IoOp::ReadLine { sep, .. } => IoOp::ReadLine { handle: id, sep },
            IoOp::ReadAll { .. } => IoOp::ReadAll { handle: id },
            IoOp::Peek { .. } => IoOp::Peek { handle: id },
            IoOp::Close { .. } => IoOp::Close { handle: id },
            IoOp::Flush { .. } => IoOp::Flush { handle: id },
            IoOp::Seek { offset, whence, .. } => IoOp::Seek { handle: id, offset, whence },
            IoOp::Tell { .. } => IoOp::Tell { handle: id },
            IoOp::IsATty { .. } => IoOp::IsATty { handle: id },
            other => other,
        }
    }
}
