//! Request: the status object of an async IO op (DESIGN §2, PDD 22).
//!
//! The VM fills it in when an op creates it; the runtime's scheduler owns what happens over
//! time (submitting, completing, waking) and finds its way back to the PMC through the id kept
//! on it.

use super::{Elem, Heap, PVal, PmcData, PmcRef, Reply, Slots};
use crate::error::{types, Exc};
use crate::host::{RequestId, SchedCall};
use crate::string::Str;

/// Where a request is in its life. A request completes exactly once: it leaves `Pending`
/// for one of the other three and never changes again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReqState {
    /// Submitted, not complete.
    Pending,
    /// Completed; `return()` holds the result.
    Done,
    /// Failed; `error()` holds the Exception.
    Failed,
    /// Cancelled by `cancel`, by closing its handle, or by `exit`.
    Cancelled,
}

impl ReqState {
    /// `get_integer`: 1 done, 0 pending, -1 failed, -2 cancelled.
    pub fn code(self) -> i64 {
        match self {
            ReqState::Pending => 0,
            ReqState::Done => 1,
            ReqState::Failed => -1,
            ReqState::Cancelled => -2,
        }
    }
    /// The name `state()` returns.
    pub fn name(self) -> &'static str {
        match self {
            ReqState::Pending => "pending",
            ReqState::Done => "done",
            ReqState::Failed => "failed",
            ReqState::Cancelled => "cancelled",
        }
    }
}

/// A Request PMC: the status object PDD 22 designs, shared by the op that made it, the
/// runtime that completes it, and the callback that receives it.
#[derive(Clone, Debug)]
pub struct RequestData {
    /// Unique per VM, counting from 1: its name in `--trace-io` and deadlock reports.
    pub id: u64,
    /// Its entry in the VM's request table while it is pending (the runtime's key for it).
    pub req: RequestId,
    /// The op that made it (`print`, `read`, ...), for `--trace-io` and messages.
    pub op: &'static str,
    /// Where it is.
    pub state: ReqState,
    /// What `return()` gives once done.
    pub result: PVal,
    /// What `error()` gives once failed.
    pub error: PVal,
    /// Runs with the request as its only argument when it completes (null: none).
    pub callback: PVal,
    /// Runs instead of `callback` when it fails, if set.
    pub error_callback: PVal,
    /// The handle it works on, if any.
    pub handle: PVal,
    /// Bytes moved so far.
    pub bytes: u64,
}

impl RequestData {
    /// A pending request.
    pub fn new(id: u64, op: &'static str, callback: PVal, handle: PVal) -> RequestData {
        RequestData {
            id,
            req: RequestId::NONE,
            op,
            state: ReqState::Pending,
            result: None,
            error: None,
            callback,
            error_callback: None,
            handle,
            bytes: 0,
        }
    }
}

/// The PMCs a Request holds (the collector's trace).
pub(super) fn trace(d: &PmcData, out: &mut Vec<PmcRef>) {
    if let PmcData::Request(q) = d {
        out.extend([q.result, q.error, q.callback, q.error_callback, q.handle].into_iter().flatten());
    }
}

/// Request methods (PDD 22): `return`, `error`, `state`, `cancel`, `wait`, ...
pub(super) fn methods(heap: &mut Heap, r: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Reply, Exc>> {
    let PmcData::Request(q) = heap.get(r) else { return None };
    let val = |e: Elem| Ok(Reply::Value(Some(e)));
    Some(match name.as_bytes() {
        b"return" => val(Elem::P(q.result)),
        b"error" => val(Elem::P(q.error)),
        b"done" => val(Elem::I((q.state != ReqState::Pending) as i64)),
        b"state" => val(Elem::S(Str::from(q.state.name()))),
        b"bytes" => val(Elem::I(q.bytes as i64)),
        b"handle" => val(Elem::P(q.handle)),
        b"throw" => match q.error {
            Some(e) => Ok(Reply::Throw(e)),
            None => Ok(Reply::Value(None)),
        },
        b"error_callback" => match args.first() {
            Some(Elem::P(cb)) => match cb.map(|c| heap.get(c)) {
                None | Some(PmcData::Sub(..)) => {
                    let cb = *cb;
                    if let PmcData::Request(q) = heap.get_mut(r) {
                        q.error_callback = cb;
                    }
                    Ok(Reply::Value(None))
                }
                Some(d) => Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("error_callback: expected a Sub, got {}", d.class_name()),
                )),
            },
            _ => val(Elem::P(q.error_callback)),
        },
        b"cancel" => {
            if q.state != ReqState::Pending {
                val(Elem::S(Str::from("already complete")))
            } else {
                Ok(Reply::Cancel(r))
            }
        }
        b"wait" => {
            if q.state != ReqState::Pending {
                Ok(Reply::Value(None))
            } else {
                Ok(Reply::Sched(SchedCall::Wait(r)))
            }
        }
        _ => return None,
    })
}

/// Request's own vtable slots: its state as a number (`get_integer`: 1 done, 0 pending, -1
/// failed, -2 cancelled) and a name, false once failed.
pub(super) const SLOTS: Slots = Slots {
    get_integer: Some(|d| match d {
        PmcData::Request(q) => Some(q.state.code()),
        _ => None,
    }),
    get_string: Some(|d| match d {
        PmcData::Request(q) => Some(Str::from(q.state.name())),
        _ => None,
    }),
    get_bool: Some(|d| match d {
        PmcData::Request(q) => Some(q.state != ReqState::Failed),
        _ => None,
    }),
    ..Slots::NONE
};
