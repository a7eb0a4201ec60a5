//! The scheduler's side of the ops that talk to it (`SchedCall`): `schedule`, `wait`, `pass`,
//! `sleep`, mailboxes, timers, event handlers, `kill`; and PDD 24 event dispatch.

use super::timer::Alarm;
use super::{Class, Runtime, Slot, State, TaskId, Why, DEFAULT_PRIORITY};
use crate::reactor::CancelOutcome;
use crate::sink::Sink;
use kea_vm::interp::{IoResult, RequestId, SchedCall, Task};
use kea_vm::pmc::{event_parent, ReqState, TaskData, TaskStatus, TimerChange};
use kea_vm::pmc::{Elem, PmcData, PmcRef};
use kea_vm::string::Str;
use std::cmp::Reverse;
use std::time::{Duration, Instant};

impl<S: Sink> Runtime<S> {
    /// Handles a scheduler call; true when the task goes on in this slice.
    pub(super) fn sched_call(&mut self, id: TaskId, slot: &mut Slot, call: SchedCall) -> bool {
        match call {
            SchedCall::Schedule { task, local } => {
                self.schedule(task, local);
                if local {
                    // The caller yields to the task it put first.
                    slot.state = State::Ready;
                    self.requeue_after(id);
                }
                !local
            }
            SchedCall::Wait(p) => {
                match self.vm.heap.get(p) {
                    PmcData::Request(q) if q.state == ReqState::Pending => {
                        self.req_waiters.entry(p).or_default().push(id);
                        slot.state = State::Blocked(Why::Request(p));
                    }
                    PmcData::Task(t) if t.status != TaskStatus::Done && self.tasks.contains_key(&t.id) => {
                        let tid = t.id;
                        self.join_waiters.entry(tid).or_default().push(id);
                        slot.state = State::Blocked(Why::Join(tid));
                    }
                    _ => return true,
                }
                false
            }
            SchedCall::Pass => {
                slot.state = State::Ready;
                self.requeue_after(id);
                false
            }
            SchedCall::Sleep(secs) => {
                let at = Instant::now() + Duration::from_secs_f64(secs.min(1e9));
                self.seq += 1;
                self.alarms.push(Reverse((at, self.seq, Alarm::Wake(id))));
                slot.state = State::Blocked(Why::Sleep);
                false
            }
            SchedCall::Terminate => {
                slot.task.frames.clear();
                self.requeue_after(id);
                slot.state = State::Ready;
                false
            }
            SchedCall::Receive(req) => {
                let pmc = self.task_pmc(id, slot);
                let msg = match self.vm.heap.get_mut(pmc) {
                    PmcData::Task(t) => t.mailbox.pop_front(),
                    _ => None,
                };
                match msg {
                    Some(m) => self.answer(req, Elem::P(m)),
                    None => {
                        slot.state = State::Blocked(Why::Receive(req));
                        false
                    }
                }
            }
            SchedCall::Sent(target) => {
                let tid = match self.vm.heap.get(target) {
                    PmcData::Task(t) => t.id,
                    _ => 0,
                };
                if let Some(State::Blocked(Why::Receive(req))) = self.tasks.get(&tid).map(|o| o.state) {
                    let msg = match self.vm.heap.get_mut(target) {
                        PmcData::Task(t) => t.mailbox.pop_front(),
                        _ => None,
                    };
                    if let Some(m) = msg {
                        self.answer(req, Elem::P(m));
                        self.make_ready(tid);
                    }
                }
                true
            }
            SchedCall::Timer(p, change) => {
                match change {
                    TimerChange::Start => self.start_timer(p),
                    TimerChange::Stop => self.stop_timer(p),
                    TimerChange::None => {}
                }
                true
            }
            SchedCall::AddHandler(h) => {
                self.handlers.push(h);
                true
            }
            SchedCall::Kill(p) => {
                let tid = match self.vm.heap.get_mut(p) {
                    PmcData::Task(t) => {
                        t.killed = true;
                        t.id
                    }
                    _ => 0,
                };
                if tid == id {
                    slot.task.frames.clear();
                    self.requeue_after(id);
                    slot.state = State::Ready;
                    return false;
                }
                self.kill_task(tid);
                true
            }
            SchedCall::Cancel(r, reply) => {
                let what = match self.vm.request_of(r) {
                    Some(req) => {
                        let what = match self.reactor.cancel(req) {
                            CancelOutcome::NotStarted => "not started".to_string(),
                            CancelOutcome::InProgress => "in progress".to_string(),
                            CancelOutcome::BytesDone(n) => format!("{n} bytes done"),
                        };
                        self.complete(req, IoResult::Cancelled);
                        what
                    }
                    None => "already complete".to_string(),
                };
                self.answer(reply, Elem::S(Str::from(what)))
            }
            SchedCall::Completed(c) => {
                // The VM completed it (a StringHandle, a closed handle): its callback runs
                // like any other.
                self.completed(c);
                true
            }
            SchedCall::CurrentTask(req) => {
                let pmc = self.task_pmc(id, slot);
                self.answer(req, Elem::P(Some(pmc)))
            }
            SchedCall::Preemption(on) => {
                slot.preempt = on;
                true
            }
            SchedCall::CheckEvents => {
                if !self.alarms.is_empty() {
                    self.fire_alarms(Instant::now());
                }
                true
            }
        }
    }

    /// The running task's Task PMC, made now if it has none (a callback's).
    pub(super) fn task_pmc(&mut self, id: TaskId, slot: &mut Slot) -> PmcRef {
        if let Some(p) = slot.pmc {
            return p;
        }
        let data = TaskData { id, status: TaskStatus::Running, ..TaskData::default() };
        let p = self.vm.heap.alloc(PmcData::Task(Box::new(data)));
        slot.pmc = Some(p);
        p
    }

    /// A task that calls `sub` with `args`: an ended callback task reused, or a new one.
    pub(super) fn callback_task(&mut self, sub: PmcRef, args: &[Option<PmcRef>]) -> Option<Task> {
        if let Some(mut t) = self.spare.pop() {
            if t.recall(&self.vm, sub, args) {
                return Some(t);
            }
            self.spare.push(t);
        }
        Task::calling(&self.vm, sub, args)
    }

    /// Puts the running task at the back of its queue (after `pass`).
    pub(super) fn requeue_after(&mut self, id: TaskId) {
        // The slot is out of the table while it runs; it goes back in when the slice ends,
        // so queue the id now and let `run_slice` reinsert the slot.
        self.ready.push_back(id);
    }

    /// Answers the scheduler call of request `req` with `v` (the task gets it when it runs
    /// next); true: the caller goes on.
    pub(super) fn answer(&mut self, req: RequestId, v: Elem) -> bool {
        self.vm.complete(req, IoResult::Value(v));
        true
    }

    pub(super) fn kill_task(&mut self, tid: TaskId) {
        if self.tasks.contains_key(&tid) {
            self.end_task(tid);
        }
    }

    /// `schedule`: a green thread, or an event to dispatch.
    pub(super) fn schedule(&mut self, p: PmcRef, local: bool) {
        let PmcData::Task(t) = self.vm.heap.get(p) else { return };
        if t.is_event() {
            self.dispatch_event(p);
            return;
        }
        let (code, data) = (t.code, t.data);
        let args: Vec<_> = data.into_iter().map(Some).collect();
        let Some(task) = code.and_then(|c| Task::calling(&self.vm, c, &args)) else { return };
        let id = self.spawn(task, Some(p), Class::Task, DEFAULT_PRIORITY);
        if local {
            // Ahead of everyone: move it to the front.
            if let Some(pos) = self.ready.iter().position(|x| *x == id) {
                self.ready.remove(pos);
                self.ready.push_front(id);
            }
        }
    }

    /// PDD 24: the best handler takes the event (exact type, then the parent type, then
    /// `allevents`); an unhandled fatal event ends the program, another one expires.
    pub(super) fn dispatch_event(&mut self, ev: PmcRef) {
        let PmcData::Task(t) = self.vm.heap.get(ev) else { return };
        let (sub, prio, fatal) = (t.subtype.clone(), t.priority, t.fatal);
        let parent = event_parent(sub.as_bytes());
        let mut best: Option<(u8, PmcRef)> = None;
        for h in &self.handlers {
            let PmcData::EventHandler(hd) = self.vm.heap.get(*h) else { continue };
            if hd.min_priority > prio {
                continue;
            }
            let rank = if hd.etype == sub {
                3
            } else if parent.is_some_and(|p| hd.etype.as_bytes() == p.as_bytes()) {
                2
            } else if hd.etype.as_bytes() == b"allevents" {
                1
            } else {
                continue;
            };
            // Among equals, the one registered first.
            if best.is_none_or(|(r, _)| rank > r) {
                best = Some((rank, hd.code.unwrap_or(*h)));
            }
        }
        if let PmcData::Task(t) = self.vm.heap.get_mut(ev) {
            t.status = TaskStatus::Done;
        }
        match best {
            Some((_, code)) => {
                self.stats.callbacks += 1;
                if let Some(task) = Task::calling(&self.vm, code, &[Some(ev)]) {
                    self.spawn(task, None, Class::Event, prio);
                }
            }
            None if fatal => {
                self.fail_msg(&format!("unhandled fatal event '{sub}'"));
            }
            None => self.reactor.trace_line(&format!("event '{sub}' expired: no handler")),
        }
    }
}
