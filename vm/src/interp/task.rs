//! Scheduler ops: `schedule schedule_local wait pass terminate receive current_task addhandler
//! check_events disable_preemption enable_preemption sleep`, and what a task asks of the
//! scheduler ([`SchedCall`]).
//!
//! The VM decides what it can alone (is the request already complete? was the task never
//! scheduled?) and hands the rest to the runtime's scheduler as a [`SchedCall`] in
//! [`Step::Sched`], leaving the loop with the pc after the op. A call with an answer
//! (`receive`, `current_task`) carries a request whose destination is the op's register; the
//! runtime answers it through [`Vm::complete`].

use super::flow::{top, Flow};
use super::{SchedCall, Step, Task, Vm};
use crate::error::{types, Exc};
use crate::op::{IArg, NArg, PReg};
use crate::pmc::{PVal, PmcData, PmcRef};
use crate::pmc::{ReqState, TaskData, TaskStatus};
use crate::request::{Kind, Reg, To};

/// Leaves the loop with a call to the scheduler.
fn sched(c: SchedCall) -> Flow {
    Flow::Leave(Step::Sched(c))
}

/// `schedule P`: a Task, or a Sub in a new Task.
pub(super) fn schedule_p(vm: &mut Vm, t: &mut Task, task: PReg) -> Flow {
    match vm.as_task(top(t).p[task.0 as usize]) {
        Ok(task) => sched(SchedCall::Schedule { task, local: false }),
        Err(e) => Flow::Raise(e),
    }
}

/// `schedule_local P`: ahead of every other task.
pub(super) fn schedule_local_p(vm: &mut Vm, t: &mut Task, task: PReg) -> Flow {
    match vm.as_task(top(t).p[task.0 as usize]) {
        Ok(task) => sched(SchedCall::Schedule { task, local: true }),
        Err(e) => Flow::Raise(e),
    }
}

/// `wait P`: for a pending Request or a running Task; at once if it is done.
pub(super) fn wait_p(vm: &mut Vm, t: &mut Task, what: PReg) -> Flow {
    match top(t).p[what.0 as usize].map(|r| (r, vm.heap.get(r))) {
        Some((_, PmcData::Request(q))) if q.state != ReqState::Pending => Flow::Next,
        Some((_, PmcData::Task(t))) if t.status == TaskStatus::Done => Flow::Next,
        Some((_, PmcData::Task(t))) if t.status == TaskStatus::Created => {
            Flow::Raise(Exc::new(types::EXCEPTION_INVALID_OPERATION, "wait: the task was never scheduled"))
        }
        Some((r, PmcData::Request(_) | PmcData::Task(_))) => sched(SchedCall::Wait(r)),
        Some((_, d)) => Flow::Raise(Exc::new(
            types::EXCEPTION_INVALID_OPERATION,
            format!("wait: {} is neither a Task nor a Request", d.class_name()),
        )),
        None => Flow::Raise(Exc::null_access("wait")),
    }
}

/// `pass`
pub(super) fn pass(_: &mut Vm, _: &mut Task) -> Flow {
    sched(SchedCall::Pass)
}

/// `terminate`
pub(super) fn terminate(_: &mut Vm, _: &mut Task) -> Flow {
    sched(SchedCall::Terminate)
}

/// `receive P`: the next message, into P (the answer to a request).
pub(super) fn receive_p(vm: &mut Vm, _: &mut Task, dst: PReg) -> Flow {
    let req = vm.new_request_entry(Kind::Plain, None, To::Reg(Reg::P(dst.0)));
    sched(SchedCall::Receive(req))
}

/// `current_task P`
pub(super) fn current_task_p(vm: &mut Vm, _: &mut Task, dst: PReg) -> Flow {
    let req = vm.new_request_entry(Kind::Plain, None, To::Reg(Reg::P(dst.0)));
    sched(SchedCall::CurrentTask(req))
}

/// `addhandler P`: an EventHandler with code.
pub(super) fn addhandler_p(vm: &mut Vm, t: &mut Task, handler: PReg) -> Flow {
    match top(t).p[handler.0 as usize].map(|r| (r, vm.heap.get(r))) {
        Some((r, PmcData::EventHandler(h))) => {
            if h.code.is_none() {
                Flow::Raise(Exc::new(types::EXCEPTION_INVALID_OPERATION, "addhandler: the handler has no code"))
            } else {
                sched(SchedCall::AddHandler(r))
            }
        }
        Some((_, d)) => Flow::Raise(Exc::new(
            types::EXCEPTION_INVALID_OPERATION,
            format!("addhandler: {} is not an EventHandler", d.class_name()),
        )),
        None => Flow::Raise(Exc::null_access("addhandler")),
    }
}

/// `check_events`
pub(super) fn check_events(_: &mut Vm, _: &mut Task) -> Flow {
    sched(SchedCall::CheckEvents)
}

/// `disable_preemption`
pub(super) fn disable_preemption(_: &mut Vm, _: &mut Task) -> Flow {
    sched(SchedCall::Preemption(false))
}

/// `enable_preemption`
pub(super) fn enable_preemption(_: &mut Vm, _: &mut Task) -> Flow {
    sched(SchedCall::Preemption(true))
}

/// `sleep I`
pub(super) fn sleep_i(_: &mut Vm, t: &mut Task, secs: IArg) -> Flow {
    let s = super::ia(top(t), secs);
    if s < 0 {
        Flow::Raise(Exc::new(types::EXCEPTION_NEG_SLEEP, "Cannot go back in time"))
    } else {
        sched(SchedCall::Sleep(s as f64))
    }
}

/// `sleep N`
pub(super) fn sleep_n(_: &mut Vm, t: &mut Task, secs: NArg) -> Flow {
    let s = super::na(top(t), secs);
    if s < 0.0 || s.is_nan() {
        Flow::Raise(Exc::new(types::EXCEPTION_NEG_SLEEP, "Cannot go back in time"))
    } else {
        sched(SchedCall::Sleep(s))
    }
}

impl Vm {
    /// A Task PMC for `schedule`: a Task as it is, a Sub wrapped in a new Task.
    fn as_task(&mut self, p: PVal) -> Result<PmcRef, Exc> {
        match p.map(|r| (r, self.heap.get(r))) {
            Some((r, PmcData::Task(t))) => {
                if t.status != TaskStatus::Created {
                    return Err(Exc::new(
                        types::EXCEPTION_INVALID_OPERATION,
                        "schedule: the task is already scheduled",
                    ));
                }
                if !t.is_event() && !matches!(t.code.map(|c| self.heap.get(c)), Some(PmcData::Sub(..))) {
                    return Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "schedule: the task has no code to run"));
                }
                Ok(r)
            }
            Some((r, PmcData::Sub(..))) => {
                Ok(self.heap.alloc(PmcData::Task(Box::new(TaskData { code: Some(r), ..TaskData::default() }))))
            }
            Some((_, d)) => Err(Exc::new(
                types::EXCEPTION_INVALID_OPERATION,
                format!("schedule: {} is neither a Task nor a Sub", d.class_name()),
            )),
            None => Err(Exc::null_access("schedule")),
        }
    }
}
