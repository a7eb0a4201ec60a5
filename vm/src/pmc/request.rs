//! Request: the status object of an async IO op (DESIGN §2, PDD 22).
//!
//! The VM fills it in when an op creates it; the runtime's scheduler owns what happens over
//! time (submitting, completing, waking) and finds its way back to the PMC through the id kept
//! on it.

use super::PVal;

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
    /// Unique per VM; the runtime's key for it.
    pub id: u64,
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
