//! Scheduler ops.
//!
//! The VM decides what it can alone (is the request already complete? is the mailbox empty
//! of this Task PMC?) and hands the rest to the runtime's scheduler as a [`SchedCall`] in
//! [`Step::Sched`]. The runtime answers through [`Vm::complete_io`] when the call has a
//! result (`receive`, `cancel`, `current_task`).

use super::io::IoStep;
use super::{Frame, IoDst, Step, Vm};
use crate::error::{types, Exc};
use crate::op::Op;
use crate::pmc::{PVal, PmcData, PmcRef};
use crate::pmc::{ReqState, TaskData, TaskStatus, TimerChange};

/// What a task asks of the scheduler.
#[derive(Debug, Clone)]
pub enum SchedCall {
    /// Start this Task PMC (a new green thread, or an event to dispatch). `local`: run it
    /// before every other task (`schedule_local`).
    Schedule {
        /// The Task PMC.
        task: PmcRef,
        /// Ahead of the others.
        local: bool,
    },
    /// Park the caller until this pending Request or running Task completes.
    Wait(PmcRef),
    /// Yield the rest of the slice.
    Pass,
    /// Park the caller for this many seconds.
    Sleep(f64),
    /// End the calling task.
    Terminate,
    /// Take the next message from the caller's mailbox (the result goes to the op's
    /// register through [`Vm::complete_io`]); park while it is empty.
    Receive,
    /// A message was put in this Task PMC's mailbox.
    Sent(PmcRef),
    /// A Timer PMC was started or stopped.
    Timer(PmcRef, TimerChange),
    /// Register an EventHandler PMC.
    AddHandler(PmcRef),
    /// End the task of this Task PMC.
    Kill(PmcRef),
    /// Cancel this request; the result (what happened, as a string) goes to the caller.
    Cancel(PmcRef),
    /// This request is already complete (the VM did it): run its callback.
    Completed(PmcRef),
    /// The caller's own Task PMC, as the result.
    CurrentTask,
    /// Turn preemption of the caller off (`false`) or back on.
    Preemption(bool),
    /// A safe point: let due work run (`check_events`).
    CheckEvents,
}

impl Vm {
    /// The scheduler ops. `Ok(Some(step))` leaves the run loop with the pc after the op;
    /// `None` means `op` is not one of them.
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn exec_sched(&mut self, f: &mut Frame, io_dst: &mut Option<IoDst>, pc: usize) -> Option<IoStep> {
        let op = *f.code.ops.get(pc)?;
        let sched = |c| Ok(Some(Step::Sched(c)));
        Some(match op {
            Op::schedule_p { task } | Op::schedule_local_p { task } => {
                let local = matches!(op, Op::schedule_local_p { .. });
                match self.as_task(f.p[task.0 as usize]) {
                    Ok(t) => sched(SchedCall::Schedule { task: t, local }),
                    Err(e) => Err(e),
                }
            }
            Op::wait_p { what } => match f.p[what.0 as usize].map(|r| (r, self.heap.get(r))) {
                Some((_, PmcData::Request(q))) if q.state != ReqState::Pending => Ok(None),
                Some((_, PmcData::Task(t))) if t.status == TaskStatus::Done => Ok(None),
                Some((_, PmcData::Task(t))) if t.status == TaskStatus::Created => {
                    Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "wait: the task was never scheduled"))
                }
                Some((r, PmcData::Request(_) | PmcData::Task(_))) => sched(SchedCall::Wait(r)),
                Some((_, d)) => Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("wait: {} is neither a Task nor a Request", d.class_name()),
                )),
                None => Err(Exc::null_access("wait")),
            },
            Op::pass {} => sched(SchedCall::Pass),
            Op::terminate {} => sched(SchedCall::Terminate),
            Op::receive_p { dst } => {
                *io_dst = Some(IoDst::P(dst.0));
                sched(SchedCall::Receive)
            }
            Op::current_task_p { dst } => {
                *io_dst = Some(IoDst::P(dst.0));
                sched(SchedCall::CurrentTask)
            }
            Op::addhandler_p { handler } => match f.p[handler.0 as usize].map(|r| (r, self.heap.get(r))) {
                Some((r, PmcData::EventHandler(h))) => {
                    if h.code.is_none() {
                        Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "addhandler: the handler has no code"))
                    } else {
                        sched(SchedCall::AddHandler(r))
                    }
                }
                Some((_, d)) => Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("addhandler: {} is not an EventHandler", d.class_name()),
                )),
                None => Err(Exc::null_access("addhandler")),
            },
            Op::box_p_i { dst, src } => {
                f.p[dst.0 as usize] = Some(self.heap.alloc(PmcData::Integer(super::ia(f, src))));
                Ok(None)
            }
            Op::box_p_n { dst, src } => {
                f.p[dst.0 as usize] = Some(self.heap.alloc(PmcData::Float(super::na(f, src))));
                Ok(None)
            }
            Op::box_p_s { dst, src } => {
                f.p[dst.0 as usize] = Some(self.heap.alloc(PmcData::String(super::sa(f, src))));
                Ok(None)
            }
            Op::check_events {} => sched(SchedCall::CheckEvents),
            Op::disable_preemption {} => sched(SchedCall::Preemption(false)),
            Op::enable_preemption {} => sched(SchedCall::Preemption(true)),
            Op::sleep_i { secs } => {
                let s = super::ia(f, secs);
                if s < 0 {
                    Err(Exc::new(types::EXCEPTION_NEG_SLEEP, "Cannot go back in time"))
                } else {
                    sched(SchedCall::Sleep(s as f64))
                }
            }
            Op::sleep_n { secs } => {
                let s = super::na(f, secs);
                if s < 0.0 || s.is_nan() {
                    Err(Exc::new(types::EXCEPTION_NEG_SLEEP, "Cannot go back in time"))
                } else {
                    sched(SchedCall::Sleep(s))
                }
            }
            _ => return None,
        })
    }

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
