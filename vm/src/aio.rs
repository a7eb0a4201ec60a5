//! The PMCs of asynchronous IO and the scheduler: `Request`, `Task`, `Timer` and
//! `EventHandler` (DESIGN §2, PDD 22/24/25).
//!
//! They are plain data here. The VM fills them in when an op creates them; the runtime's
//! scheduler owns what happens over time (submitting, completing, waking, firing) and finds
//! its way back to the PMC through the ids kept on it.

use crate::error::{types, Exc};
use crate::pmc::{Elem, KeyVal, PVal};
use crate::string::Str;
use std::collections::VecDeque;

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

/// Where a task is in its life (PDD 25: created, invoked, in process, completed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TaskStatus {
    /// Made, not scheduled.
    Created,
    /// Scheduled and not finished.
    Running,
    /// Finished (or killed).
    Done,
}

impl TaskStatus {
    /// The name `status` gives.
    pub fn name(self) -> &'static str {
        match self {
            TaskStatus::Created => "created",
            TaskStatus::Running => "inprocess",
            TaskStatus::Done => "completed",
        }
    }
}

/// A Task PMC: a green thread's handle, or an event (PDD 24: a Task whose type is `event`).
#[derive(Clone, Debug)]
pub struct TaskData {
    /// The scheduler's id once scheduled (0 before).
    pub id: u64,
    /// What it runs.
    pub code: PVal,
    /// Its one argument (PDD 25 `data`), passed to `code` if not null.
    pub data: PVal,
    /// Where it is.
    pub status: TaskStatus,
    /// Messages sent by `send`, taken by `receive`.
    pub mailbox: VecDeque<PVal>,
    /// `code` (a green thread) or `event`.
    pub kind: Str,
    /// An event's subtype: what handlers match on.
    pub subtype: Str,
    /// 0 (lowest) to 100.
    pub priority: i64,
    /// An unhandled fatal event ends the program.
    pub fatal: bool,
    /// Set by `kill`.
    pub killed: bool,
}

impl Default for TaskData {
    fn default() -> Self {
        TaskData {
            id: 0,
            code: None,
            data: None,
            status: TaskStatus::Created,
            mailbox: VecDeque::new(),
            kind: Str::from("code"),
            subtype: Str::empty(),
            priority: 0,
            fatal: false,
            killed: false,
        }
    }
}

impl TaskData {
    /// Is this an event rather than code to run?
    pub fn is_event(&self) -> bool {
        self.kind.as_bytes() == b"event"
    }

    /// `get_*_keyed_str`: the PDD 25 attributes.
    pub fn get_attr(&self, key: &KeyVal) -> Result<Elem, Exc> {
        Ok(match key_name(key).as_str() {
            "id" => Elem::I(self.id as i64),
            "code" => Elem::P(self.code),
            "data" => Elem::P(self.data),
            "status" => Elem::S(Str::from(self.status.name())),
            "type" => Elem::S(self.kind.clone()),
            "subtype" => Elem::S(self.subtype.clone()),
            "priority" => Elem::I(self.priority),
            "fatal" => Elem::I(self.fatal as i64),
            "killed" => Elem::I(self.killed as i64),
            "mailbox" => Elem::I(self.mailbox.len() as i64),
            other => return Err(no_attr("Task", other)),
        })
    }
}

/// A Timer PMC (Parrot's `src/pmc/timer.pmc` keys, `timer.pasm`).
#[derive(Clone, Debug, Default)]
pub struct TimerData {
    /// The runtime's id while it runs (0: stopped).
    pub id: u64,
    /// `PARROT_TIMER_SEC`: whole seconds.
    pub sec: i64,
    /// `PARROT_TIMER_USEC`: microseconds.
    pub usec: i64,
    /// `PARROT_TIMER_NSEC` as Parrot uses it: the whole interval in (fractional) seconds.
    pub frac: Option<f64>,
    /// 0 fires once, -1 forever, n fires n + 1 times.
    pub repeat: i64,
    /// Called with no arguments at each firing.
    pub handler: PVal,
    /// Set while armed.
    pub running: bool,
}

/// `timer.pasm` keys.
pub mod timer_keys {
    /// whole seconds
    pub const SEC: i64 = 0;
    /// microseconds
    pub const USEC: i64 = 1;
    /// seconds with a fraction
    pub const NSEC: i64 = 2;
    /// repeat count
    pub const REPEAT: i64 = 3;
    /// the interval (read only)
    pub const INTERVAL: i64 = 4;
    /// 1 to start, 0 to stop
    pub const RUNNING: i64 = 5;
    /// the handler sub
    pub const HANDLER: i64 = 6;
}

/// What setting a Timer key asks of the scheduler.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimerChange {
    /// Nothing: a setting changed.
    None,
    /// Arm it.
    Start,
    /// Disarm it.
    Stop,
}

impl TimerData {
    /// The interval in seconds.
    pub fn interval(&self) -> f64 {
        match self.frac {
            Some(f) => f,
            None => self.sec as f64 + self.usec as f64 / 1e6,
        }
    }

    /// `get_*_keyed_int`.
    pub fn get_key(&self, key: &KeyVal) -> Result<Elem, Exc> {
        let KeyVal::Int(k) = key else { return Err(no_attr("Timer", &key_name(key))) };
        Ok(match *k {
            timer_keys::SEC => Elem::I(self.interval().trunc() as i64),
            timer_keys::USEC => Elem::I(match self.frac {
                Some(f) => ((f - f.trunc()) * 1e6).round() as i64,
                None => self.usec,
            }),
            timer_keys::NSEC | timer_keys::INTERVAL => Elem::N(self.interval()),
            timer_keys::REPEAT => Elem::I(self.repeat),
            timer_keys::RUNNING => Elem::I(self.running as i64),
            timer_keys::HANDLER => Elem::P(self.handler),
            other => return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("Timer has no key {other}"))),
        })
    }

    /// `set_*_keyed_int`; `ints` and `num` are the value as an integer and as a number.
    pub fn set_key(&mut self, k: i64, int: i64, num: f64, pmc: PVal) -> Result<TimerChange, Exc> {
        match k {
            timer_keys::SEC => {
                self.sec = int;
                self.frac = None;
            }
            timer_keys::USEC => {
                self.usec = int;
                self.frac = None;
            }
            timer_keys::NSEC => self.frac = Some(num),
            timer_keys::REPEAT => self.repeat = int,
            timer_keys::HANDLER => self.handler = pmc,
            timer_keys::RUNNING => {
                return Ok(match (int != 0, self.running) {
                    (true, _) => TimerChange::Start,
                    (false, true) => TimerChange::Stop,
                    (false, false) => TimerChange::None,
                })
            }
            other => {
                return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("Timer key {other} cannot be set")))
            }
        }
        let iv = self.interval();
        if iv.is_nan() || iv < 0.0 || iv.is_infinite() {
            return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "Timer interval must be a finite number >= 0"));
        }
        Ok(TimerChange::None)
    }
}

/// An EventHandler PMC (PDD 24): which events it takes and the code it runs.
#[derive(Clone, Debug, Default)]
pub struct HandlerData {
    /// The event subtype it handles (`allevents` takes every event).
    pub etype: Str,
    /// The sub it runs, with the event as its argument.
    pub code: PVal,
    /// It ignores events below this priority.
    pub min_priority: i64,
}

impl HandlerData {
    /// `get_*_keyed_str`.
    pub fn get_attr(&self, key: &KeyVal) -> Result<Elem, Exc> {
        Ok(match key_name(key).as_str() {
            "type" => Elem::S(self.etype.clone()),
            "code" => Elem::P(self.code),
            "priority" => Elem::I(self.min_priority),
            other => return Err(no_attr("EventHandler", other)),
        })
    }
}

/// PDD 24's event type tree: the parent of a built-in event type.
pub fn event_parent(t: &[u8]) -> Option<&'static str> {
    Some(match t {
        b"packetsent" | b"packetreceived" | b"fileopened" | b"fileclosed" | b"readcomplete" => "ioevent",
        b"alarm" | b"interrupt" | b"childdie" => "signal",
        _ => return None,
    })
}

fn key_name(k: &KeyVal) -> String {
    match k {
        KeyVal::Str(s) => s.to_text(),
        KeyVal::Int(i) => i.to_string(),
    }
}

fn no_attr(class: &str, name: &str) -> Exc {
    Exc::new(types::EXCEPTION_ATTRIB_NOT_FOUND, format!("No such attribute '{name}' in class '{class}'"))
}
