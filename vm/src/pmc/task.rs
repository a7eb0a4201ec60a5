//! Task and EventHandler: a green thread's handle or an event, and what handles events
//! (PDD 24, PDD 25).
//!
//! The scheduler owns what happens to a task over time; the PMC is what a program sees of it.

use super::{key_name, no_attr, Elem, Heap, KeyVal, PVal, PmcData, PmcRef, Reply, Slots};
use crate::error::{types, Exc};
use crate::host::SchedCall;
use crate::string::Str;
use std::collections::VecDeque;

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

/// An EventHandler PMC (PDD 24): which events it takes and the code it runs.
#[derive(Clone, Debug, Default)]
pub struct EventHandlerData {
    /// The event subtype it handles (`allevents` takes every event).
    pub etype: Str,
    /// The sub it runs, with the event as its argument.
    pub code: PVal,
    /// It ignores events below this priority.
    pub min_priority: i64,
}

impl EventHandlerData {
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

/// The PMCs a Task (its code, data and mailbox) or an EventHandler (its code) holds: the
/// collector's trace.
pub(super) fn trace(d: &PmcData, out: &mut Vec<PmcRef>) {
    match d {
        PmcData::Task(t) => {
            out.extend([t.code, t.data].into_iter().flatten());
            out.extend(t.mailbox.iter().flatten());
        }
        PmcData::EventHandler(h) => out.extend(h.code),
        _ => {}
    }
}

impl Heap {
    /// `set_*_keyed_str` on a Task or an EventHandler: the PDD 24/25 attributes.
    pub(super) fn set_task_attr(&mut self, r: PmcRef, key: &KeyVal, v: Elem) -> Result<(), Exc> {
        let name = match key {
            KeyVal::Str(s) => s.to_text(),
            KeyVal::Int(i) => i.to_string(),
        };
        let (i, s) = (self.elem_int(&v).unwrap_or(0), self.elem_str(&v).unwrap_or_else(|_| Str::empty()));
        let pmc = match v {
            Elem::P(p) => p,
            _ => None,
        };
        let class = self.class_name(r);
        let bad =
            || Exc::new(types::EXCEPTION_ATTRIB_NOT_FOUND, format!("No such attribute '{name}' in class '{class}'"));
        match self.get_mut(r) {
            PmcData::Task(t) => match name.as_str() {
                "code" => t.code = pmc,
                "data" => t.data = pmc,
                "type" => t.kind = s,
                "subtype" => t.subtype = s,
                "priority" => t.priority = i.clamp(0, 100),
                "fatal" => t.fatal = i != 0,
                _ => return Err(bad()),
            },
            PmcData::EventHandler(h) => match name.as_str() {
                "type" => h.etype = s,
                "code" => h.code = pmc,
                "priority" => h.min_priority = i,
                _ => return Err(bad()),
            },
            _ => return Err(bad()),
        }
        Ok(())
    }
}

/// Task methods (PDD 25): `send`, `code`, `data`, `id`, `status`, `kill`.
pub(super) fn methods(heap: &mut Heap, r: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Reply, Exc>> {
    let arg = args.first().cloned();
    let pmc_arg = match &arg {
        Some(Elem::P(p)) => Some(*p),
        Some(e) => Some(heap.boxed(e.clone())),
        None => None,
    };
    let PmcData::Task(t) = heap.get_mut(r) else { return None };
    let val = |e: Elem| Ok(Reply::Value(Some(e)));
    Some(match name.as_bytes() {
        b"send" => match pmc_arg {
            Some(msg) => {
                t.mailbox.push_back(msg);
                Ok(Reply::Sched(SchedCall::Sent(r)))
            }
            None => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "send: no message given")),
        },
        b"code" => match pmc_arg {
            Some(c) => {
                t.code = c;
                Ok(Reply::Value(None))
            }
            None => val(Elem::P(t.code)),
        },
        b"data" => match pmc_arg {
            Some(d) => {
                t.data = d;
                Ok(Reply::Value(None))
            }
            None => val(Elem::P(t.data)),
        },
        b"id" => val(Elem::I(t.id as i64)),
        b"status" => val(Elem::S(Str::from(t.status.name()))),
        b"kill" => Ok(Reply::Sched(SchedCall::Kill(r))),
        _ => return None,
    })
}

/// Task's own vtable slots: its id, an event's subtype as its string, always true, and the
/// PDD 24/25 attributes as keys.
pub(super) const TASK: Slots = Slots {
    get_integer: Some(|d| match d {
        PmcData::Task(t) => Some(t.id as i64),
        _ => None,
    }),
    get_string: Some(|d| match d {
        PmcData::Task(t) if t.is_event() => Some(t.subtype.clone()),
        _ => None,
    }),
    get_bool: Some(|_| Some(true)),
    get_keyed: Some(|_, d, k| match d {
        PmcData::Task(t) => t.get_attr(k),
        d => Err(Exc::unsupported("get_pmc_keyed", d.class_name())),
    }),
    set_keyed: Some(|heap, r, k, v| heap.set_task_attr(r, k, v)),
    ..Slots::NONE
};

/// EventHandler's own vtable slots: its event type as its string, always true, and its
/// attributes as keys.
pub(super) const EVENT_HANDLER: Slots = Slots {
    get_string: Some(|d| match d {
        PmcData::EventHandler(h) => Some(h.etype.clone()),
        _ => None,
    }),
    get_bool: Some(|_| Some(true)),
    get_keyed: Some(|_, d, k| match d {
        PmcData::EventHandler(h) => h.get_attr(k),
        d => Err(Exc::unsupported("get_pmc_keyed", d.class_name())),
    }),
    set_keyed: Some(|heap, r, k, v| heap.set_task_attr(r, k, v)),
    ..Slots::NONE
};
