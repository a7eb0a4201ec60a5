//! The event scheduler: green-thread tasks, callbacks, timers and events over the stackless
//! VM (DESIGN §2 and §4).
//!
//! ## One tick
//! 1. **Run**: every task that was runnable when the tick began gets one slice of `--batch`
//!    instructions, callbacks and event handlers first (by class, then priority, then age),
//!    then ordinary tasks in FIFO order. A slice ends when its fuel is spent at a safe point,
//!    or the task blocks, passes or ends.
//! 2. **Timers**: due timers and sleepers fire in (deadline, creation) order.
//! 3. **Reactor**: the reactor flushes output and collects finished IO (without waiting if
//!    anything is runnable, else until the next deadline).
//! 4. **Complete**: each completion goes to the VM through its one door, `Vm::complete`:
//!    a waiting task becomes runnable (it gets the answer as it runs), an async request's
//!    waiters wake and its callback is queued.
//!
//! The program ends when the main task has ended and nothing is runnable, blocked on pending
//! work, pending or armed. Tasks blocked on what nothing can complete are a deadlock: a report
//! of who waits on what, exit 1.
//!
//! ## Files
//! This file holds the tick, slices and completions; `call.rs` answers the scheduler ops a
//! task makes (`SchedCall`) and dispatches PDD 24 events; `timer.rs` keeps the alarms of
//! timers and sleepers; `watchdog.rs` raises the VM's interrupt flag when `--max-time` runs
//! out, so that a long op inside a slice stops too.

use crate::os_error::os_error_text;
use crate::reactor::{Reactor, Waiter};
use crate::sink::Sink;
use crate::{RunOptions, Stats};
use kea_vm::interp::{Completed, IoOp, IoResult, RequestId, Step, Task, Vm};
use kea_vm::interrupt::Reason;
use kea_vm::pmc::{PmcData, PmcRef, TaskData, TaskStatus};
use rustc_hash::FxHashMap as HashMap;
use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, VecDeque};
use std::time::{Duration, Instant};
use timer::{Alarm, Armed};

mod call;
mod timer;
mod watchdog;

/// A task's id in the scheduler.
pub type TaskId = u64;

/// What a blocked task waits for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    /// Its own sync IO op.
    Io,
    /// A request.
    Request(PmcRef),
    /// Another task.
    Join(TaskId),
    /// A deadline.
    Sleep,
    /// A message, the answer to this request.
    Receive(RequestId),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Ready,
    Blocked(Why),
}

/// Which queue a task joins when it is spawned, and goes back to when it is runnable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// An ordinary task.
    Task,
    /// An IO completion callback.
    Callback,
    /// A timer handler or an event handler: PDD 24 ranks events above IO.
    Event,
}

struct Slot {
    task: Task,
    /// The task's Task PMC; a callback gets one only when it asks (`current_task`, `receive`).
    pmc: Option<PmcRef>,
    state: State,
    class: Class,
    priority: i64,
    /// False between `disable_preemption` and `enable_preemption`.
    preempt: bool,
}

/// An entry of the urgent queue: higher class first, then higher priority, then older.
#[derive(Debug, PartialEq, Eq)]
struct Urgent {
    class: Class,
    priority: i64,
    seq: u64,
    id: TaskId,
}

impl Ord for Urgent {
    fn cmp(&self, o: &Self) -> Ordering {
        (self.class, self.priority, Reverse(self.seq)).cmp(&(o.class, o.priority, Reverse(o.seq)))
    }
}
impl PartialOrd for Urgent {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    /// Everything finished.
    Finished,
    /// `exit N`.
    Exit(i32),
    /// An uncaught error, a deadlock or a limit; the report is on stderr.
    Failed,
}

/// How `--trace-io` describes an answer.
fn describe(result: &IoResult) -> String {
    match result {
        IoResult::Failed(m) => format!("failed: {m}"),
        IoResult::Cancelled => "cancelled".to_string(),
        IoResult::Data { data, eof } => {
            format!("done, {} bytes{}", data.as_bytes().len(), if *eof { ", eof" } else { "" })
        }
        _ => "done".to_string(),
    }
}

/// Event and timer handlers run at this priority unless an event says otherwise.
const DEFAULT_PRIORITY: i64 = 0;

/// The scheduler with the VM and the reactor it drives.
pub struct Runtime<S: Sink> {
    /// The machine.
    pub vm: Vm,
    /// The IO backends.
    pub reactor: Reactor<S>,
    /// Settings.
    pub opts: RunOptions,
    /// Counters for `--stats`.
    pub stats: Stats,
    tasks: HashMap<TaskId, Slot>,
    next_id: TaskId,
    ready: VecDeque<TaskId>,
    urgent: BinaryHeap<Urgent>,
    seq: u64,
    alarms: BinaryHeap<Reverse<(Instant, u64, Alarm)>>,
    timers: HashMap<u64, Armed>,
    next_timer: u64,
    handlers: Vec<PmcRef>,
    /// Tasks waiting (`wait`) on a Request PMC (GC roots).
    req_waiters: HashMap<PmcRef, Vec<TaskId>>,
    /// Async requests in flight, with their op's name (`--trace-io`; cancelled at exit).
    pending: HashMap<RequestId, &'static str>,
    /// Tasks parked on their own sync request.
    io_waiting: HashMap<RequestId, TaskId>,
    join_waiters: HashMap<TaskId, Vec<TaskId>>,
    exit: Option<i32>,
    failed: bool,
    /// In the REPL an uncaught error ends only its task.
    pub keep_going: bool,
    /// Instructions run before this runtime (the REPL's earlier inputs), for `--max-ops`.
    ops_base: u64,
    /// A task that keeps its outer frame (the REPL's main task), kept after it ended.
    kept: Option<(TaskId, Task)>,
    /// The task `run_until` waits for: once it has ended the tick must not sleep.
    watch: Option<TaskId>,
    /// When `--max-time` runs out.
    deadline: Option<Instant>,
    /// Ended callback tasks, kept to run the next callbacks without allocating.
    spare: Vec<Task>,
    /// Raises the VM's interrupt flag at the deadline (`watchdog.rs`).
    _watchdog: Option<watchdog::Watchdog>,
}

/// Ended callback tasks kept for reuse.
const SPARE_TASKS: usize = 64;

impl<S: Sink> Runtime<S> {
    /// A runtime over `vm` and `reactor`.
    pub fn new(vm: Vm, reactor: Reactor<S>, opts: &RunOptions) -> Runtime<S> {
        let flag = vm.heap.meter.interrupt.clone();
        Runtime {
            vm,
            reactor,
            opts: opts.clone(),
            stats: Stats::default(),
            tasks: HashMap::default(),
            next_id: 0,
            ready: VecDeque::new(),
            urgent: BinaryHeap::new(),
            seq: 0,
            alarms: BinaryHeap::new(),
            timers: HashMap::default(),
            next_timer: 0,
            handlers: Vec::new(),
            req_waiters: HashMap::default(),
            pending: HashMap::default(),
            io_waiting: HashMap::default(),
            join_waiters: HashMap::default(),
            exit: None,
            failed: false,
            keep_going: false,
            ops_base: 0,
            kept: None,
            watch: None,
            deadline: opts.max_time.map(|t| Instant::now() + t),
            spare: Vec::new(),
            _watchdog: opts.max_time.and_then(|t| watchdog::Watchdog::start(flag, t)),
        }
    }

    /// Adds a task; it runs from the next tick on. Returns its id.
    pub fn spawn(&mut self, task: Task, pmc: Option<PmcRef>, class: Class, priority: i64) -> TaskId {
        self.next_id += 1;
        let id = self.next_id;
        let pmc = match (pmc, class) {
            (Some(p), _) => Some(p),
            (None, Class::Task) => Some(self.vm.heap.alloc(PmcData::Task(Box::default()))),
            (None, _) => None,
        };
        if let Some(PmcData::Task(t)) = pmc.map(|p| self.vm.heap.get_mut(p)) {
            t.id = id;
            t.status = TaskStatus::Running;
        }
        self.tasks.insert(id, Slot { task, pmc, state: State::Ready, class, priority, preempt: true });
        self.make_ready(id);
        id
    }

    fn make_ready(&mut self, id: TaskId) {
        let Some(slot) = self.tasks.get_mut(&id) else { return };
        slot.state = State::Ready;
        if slot.class == Class::Task {
            self.ready.push_back(id);
        } else {
            self.seq += 1;
            self.urgent.push(Urgent { class: slot.class, priority: slot.priority, seq: self.seq, id });
        }
    }

    /// Takes a task back out (the REPL's main task after its input ran).
    pub fn take(&mut self, id: TaskId) -> Option<Task> {
        if let Some((k, _)) = &self.kept {
            if *k == id {
                return self.kept.take().map(|(_, t)| t);
            }
        }
        self.tasks.remove(&id).map(|s| s.task)
    }

    /// Has task `id` ended?
    pub fn is_done(&self, id: TaskId) -> bool {
        !self.tasks.contains_key(&id)
    }

    /// Runs until the program-end rule holds, `exit`, or an uncaught error.
    pub fn run(&mut self, extra: &[&Task]) -> Ended {
        self.run_until(None, extra)
    }

    /// Runs ticks until task `until` has ended (or, with `None`, until everything has).
    pub fn run_until(&mut self, until: Option<TaskId>, extra: &[&Task]) -> Ended {
        self.watch = until;
        loop {
            if let Some(n) = self.exit {
                return Ended::Exit(n);
            }
            if self.failed {
                self.failed = false;
                if !self.keep_going {
                    return Ended::Failed;
                }
                if until.is_some_and(|u| self.is_done(u)) {
                    return Ended::Failed;
                }
            }
            if until.is_some_and(|u| self.is_done(u)) {
                return Ended::Finished;
            }
            let why = self.vm.heap.meter.interrupt.pending();
            if why.has(Reason::DEADLINE) || self.deadline.is_some_and(|d| Instant::now() >= d) {
                let t = self.opts.max_time.unwrap_or_default().as_secs_f64();
                self.fail_msg(&format!("time limit exceeded after {t} s (--max-time)"));
                self.keep_going = false;
                self.failed = false;
                return Ended::Failed;
            }
            if why.0 != 0 {
                // Nothing here raises the others yet; whoever does handles them first.
                self.fail_msg(&format!("kea: error: interrupted (reason {:#x})", why.0));
                self.keep_going = false;
                self.failed = false;
                return Ended::Failed;
            }
            if !self.tick(extra, self.deadline) {
                if self.exit.is_some() || self.failed {
                    continue;
                }
                // Nothing can happen any more.
                if self.tasks.is_empty() {
                    return Ended::Finished;
                }
                self.report_deadlock();
                if self.keep_going {
                    if let Some(u) = until {
                        self.kill_task(u);
                    }
                    return Ended::Failed;
                }
                return Ended::Failed;
            }
        }
    }

    /// Runs ticks for at most `dur` (the REPL between keystrokes): timers and callbacks fire.
    pub fn run_for(&mut self, dur: Duration, extra: &[&Task]) {
        self.run_for_until(dur, extra, &|| false);
    }

    /// [`Runtime::run_for`], returning early once `stop` says so. `stop` is asked after every
    /// tick; whoever makes it true from another thread wakes the poll with
    /// [`crate::Reactor::waker`], so the answer comes without waiting for `dur`.
    pub fn run_for_until(&mut self, dur: Duration, extra: &[&Task], stop: &dyn Fn() -> bool) {
        let end = Instant::now() + dur;
        while self.exit.is_none() && !self.interrupted() && Instant::now() < end && !stop() {
            if !self.tick(extra, Some(end)) {
                return;
            }
        }
    }

    /// Is anything left that could run by itself (tasks, timers, IO)?
    pub fn has_work(&self) -> bool {
        let armed = self.alarms.iter().any(|Reverse((_, _, a))| match a {
            Alarm::Timer(tid) => self.timers.contains_key(tid),
            Alarm::Wake(id) => self.tasks.get(id).is_some_and(|s| s.state == State::Blocked(Why::Sleep)),
        });
        !self.ready.is_empty() || !self.urgent.is_empty() || armed || self.reactor.busy()
    }

    /// The `exit` status asked for, if any.
    pub fn exit_status(&self) -> Option<i32> {
        self.exit
    }

    /// One tick. Returns false when nothing is runnable, armed or under way.
    fn tick(&mut self, extra: &[&Task], until: Option<Instant>) -> bool {
        self.stats.ticks += 1;
        self.prune_alarms();
        // 1. Run: each task runnable now gets one slice, callbacks and events first.
        let n = self.urgent.len() + self.ready.len();
        for _ in 0..n {
            if self.exit.is_some() || (self.failed && !self.keep_going) || self.interrupted() {
                return true;
            }
            let id = match self.urgent.pop() {
                Some(u) => u.id,
                None => match self.ready.pop_front() {
                    Some(id) => id,
                    None => break,
                },
            };
            if self.tasks.get(&id).is_some_and(|s| s.state == State::Ready) {
                self.run_slice(id, extra);
            }
        }
        // The run is over (`exit`, an uncaught error, an interrupt): no timer, task or IO may
        // hold it up, not even for one poll (`run_until` ends it).
        if self.exit.is_some() || (self.failed && !self.keep_going) || self.interrupted() {
            return true;
        }
        // 2. Timers.
        if !self.alarms.is_empty() {
            self.fire_alarms(Instant::now());
        }
        // 3. Reactor: wait only when nothing can run.
        self.prune_alarms();
        let runnable = !self.ready.is_empty() || !self.urgent.is_empty() || self.watch.is_some_and(|w| self.is_done(w));
        let busy = self.reactor.busy();
        if !runnable && !busy && self.alarms.is_empty() {
            return false;
        }
        let timeout = if runnable || self.exit.is_some() {
            Some(Duration::ZERO)
        } else {
            let next = self.alarms.peek().map(|Reverse((at, _, _))| *at);
            let limit = match (next, until) {
                (Some(a), Some(u)) => Some(a.min(u)),
                (a, u) => a.or(u),
            };
            limit.map(|t| t.saturating_duration_since(Instant::now()))
        };
        let done = self.reactor.poll(timeout);
        if let Some(e) = self.reactor.take_failure() {
            // Nothing blocked on IO could ever be woken: fail the run rather than hang.
            self.fail_msg(&format!("kea: error: the IO reactor cannot wait for events: {}", os_error_text(&e)));
        }
        // 4. Complete.
        for c in done {
            self.complete(c.waiter.req, c.result);
        }
        if !self.alarms.is_empty() {
            self.fire_alarms(Instant::now());
        }
        true
    }

    /// The one way an answer reaches the VM: [`Vm::complete`], then what it says to do.
    fn complete(&mut self, req: RequestId, result: IoResult) {
        // A sync op: its task gets the answer when it runs next.
        if let Some(tid) = self.io_waiting.remove(&req) {
            self.vm.complete(req, result);
            if self.tasks.contains_key(&tid) {
                self.make_ready(tid);
            } else {
                self.vm.forget(req);
            }
            return;
        }
        let traced = match (self.reactor.trace, self.vm.request_pmc(req)) {
            (true, Some(p)) => Some((p, describe(&result))),
            _ => None,
        };
        let c = self.vm.complete(req, result);
        if c.wake.is_some() {
            let op = self.pending.remove(&req).unwrap_or("?");
            if let Some((p, what)) = traced {
                let id = self.vm.request_info(p).map_or(0, |i| i.0);
                self.reactor.trace_line(&format!("request {id} {op}: {what}"));
            }
        }
        self.completed(c);
    }

    /// Does what a completion asks: closes a handle nobody holds, wakes the tasks waiting on
    /// the request, queues its callback.
    fn completed(&mut self, c: Completed) {
        if let Some(h) = c.close {
            self.reactor.submit(IoOp::Close { handle: h }, Waiter::NOBODY);
        }
        if let Some(r) = c.wake {
            for t in self.req_waiters.remove(&r).unwrap_or_default() {
                self.make_ready(t);
            }
        }
        if let Some((cb, arg)) = c.callback {
            self.stats.callbacks += 1;
            match self.callback_task(cb, &[Some(arg)]) {
                Some(t) => {
                    self.spawn(t, None, Class::Callback, DEFAULT_PRIORITY);
                }
                None => self.fail_msg("a request's callback is not a Sub"),
            }
        }
    }

    fn run_slice(&mut self, id: TaskId, extra: &[&Task]) {
        let Some(mut slot) = self.tasks.remove(&id) else { return };
        self.stats.slices += 1;
        let start = slot.task.ops;
        loop {
            let used = slot.task.ops - start;
            let total = self.ops_base + self.stats.ops + used;
            let mut fuel = self.opts.batch.saturating_sub(used).max(1);
            if let Some(max) = self.opts.max_ops {
                if total >= max {
                    self.stats.ops += used;
                    self.tasks.insert(id, slot);
                    self.reactor.flush_all();
                    let msg = format!("instruction limit exceeded after {total} ops (--max-ops {max})\n");
                    let _ = self.reactor.sink.write(2, msg.as_bytes());
                    self.failed = true;
                    self.keep_going = false;
                    return;
                }
                fuel = fuel.min(max - total);
            }
            if self.vm.heap.wants_gc() {
                self.collect(&slot, extra);
            }
            let step = self.vm.run(&mut slot.task, fuel);
            match step {
                Step::Yielded if !slot.preempt || slot.task.ops - start < self.opts.batch => continue,
                Step::Yielded => {
                    self.stats.ops += slot.task.ops - start;
                    self.tasks.insert(id, slot);
                    self.make_ready(id);
                    return;
                }
                Step::Submit { req, op, wait } => {
                    self.stats.io += 1;
                    let kind = op.kind();
                    *self.stats.requests.entry(kind).or_insert(0) += 1;
                    if !wait {
                        self.pending.insert(req, kind);
                        if self.reactor.trace {
                            let rid = self.vm.request_pmc(req).and_then(|p| self.vm.request_info(p)).map_or(0, |i| i.0);
                            self.reactor.trace_line(&format!("request {rid} {kind}: submitted by task {id}"));
                        }
                        self.reactor.submit(op, Waiter { req, wait: false });
                        continue;
                    }
                    match self.reactor.submit(op, Waiter { req, wait: true }) {
                        // Known at once: the task goes on, and gets it as it does.
                        Some(res) => {
                            self.vm.complete(req, res);
                            continue;
                        }
                        None => {
                            self.io_waiting.insert(req, id);
                            slot.state = State::Blocked(Why::Io);
                        }
                    }
                }
                Step::Sched(call) => {
                    if self.sched_call(id, &mut slot, call) {
                        continue;
                    }
                }
                other => {
                    self.stats.ops += slot.task.ops - start;
                    self.tasks.insert(id, slot);
                    self.after_step(id, other);
                    return;
                }
            }
            // Parked.
            self.stats.ops += slot.task.ops - start;
            self.tasks.insert(id, slot);
            return;
        }
    }

    /// A step that ends or fails the task.
    fn after_step(&mut self, id: TaskId, step: Step) {
        match step {
            Step::Finished => self.end_task(id),
            Step::Exit(n) => {
                self.exit = Some(n);
                self.end_task(id);
            }
            Step::Trapped(t) => {
                self.reactor.flush_all();
                let _ = self.reactor.sink.write(2, t.to_string().as_bytes());
                self.end_task(id);
                self.failed = true;
            }
            // Stopped by the interrupt flag, intact: `run_until` sees why.
            Step::Yielded | Step::Interrupted => self.make_ready(id),
            Step::Submit { .. } | Step::Sched(_) => self.make_ready(id),
        }
    }

    /// Has the host raised the VM's interrupt flag (`kea_vm::interrupt`)?
    fn interrupted(&self) -> bool {
        self.vm.heap.meter.interrupt.pending().0 != 0
    }

    fn end_task(&mut self, id: TaskId) {
        if let Some(slot) = self.tasks.remove(&id) {
            if let Some(PmcData::Task(t)) = slot.pmc.map(|p| self.vm.heap.get_mut(p)) {
                t.status = TaskStatus::Done;
            }
            // A task kept for the REPL goes back in, ended.
            if slot.task.keep_outer {
                self.kept = Some((id, slot.task));
            } else if slot.class != Class::Task && self.spare.len() < SPARE_TASKS {
                // Its frames serve the next callback (bench/net, echo-server-callbacks).
                self.spare.push(slot.task);
            }
        }
        for t in self.join_waiters.remove(&id).unwrap_or_default() {
            self.make_ready(t);
        }
    }

    fn fail_msg(&mut self, msg: &str) {
        self.reactor.flush_all();
        let _ = self.reactor.sink.write(2, format!("{msg}\n").as_bytes());
        self.failed = true;
    }

    fn collect(&mut self, running: &Slot, extra: &[&Task]) {
        let mut all: Vec<&Task> = self.tasks.values().map(|s| &s.task).collect();
        all.push(&running.task);
        all.extend_from_slice(extra);
        if let Some((_, t)) = &self.kept {
            all.push(t);
        }
        let mut roots: Vec<PmcRef> = self.tasks.values().filter_map(|s| s.pmc).collect();
        roots.extend(running.pmc);
        roots.extend(self.req_waiters.keys());
        roots.extend(self.timers.values().map(|t| t.pmc));
        roots.extend(&self.handlers);
        // Handles that became garbage while open: close them (flushing what they buffered).
        for h in self.vm.collect(&all, roots) {
            self.reactor.submit(IoOp::Close { handle: h }, Waiter::NOBODY);
        }
    }

    fn report_deadlock(&mut self) {
        let mut lines = vec!["deadlock: every task waits for something nothing can complete".to_string()];
        let mut ids: Vec<&TaskId> = self.tasks.keys().collect();
        ids.sort();
        for id in ids {
            let s = &self.tasks[id];
            let what = match s.state {
                State::Blocked(Why::Receive(_)) => "a message (receive)".to_string(),
                State::Blocked(Why::Join(t)) => format!("task {t} (wait)"),
                State::Blocked(Why::Request(r)) => match self.vm.request_info(r) {
                    Some((rid, op, _)) => format!("request {rid} ({op})"),
                    None => "a request".to_string(),
                },
                State::Blocked(Why::Io) => "its IO".to_string(),
                State::Blocked(Why::Sleep) => "a deadline".to_string(),
                State::Ready => "nothing (runnable)".to_string(),
            };
            let loc = match s.task.frames.last() {
                Some(f) => {
                    let (file, line) = f.code.location(f.pc.saturating_sub(1));
                    format!(" at {file}:{line}")
                }
                None => String::new(),
            };
            lines.push(format!("  task {id} ({}) waits for {what}{loc}", s.task.name()));
        }
        self.reactor.flush_all();
        let _ = self.reactor.sink.write(2, format!("{}\n", lines.join("\n")).as_bytes());
    }

    /// At `exit`: pending requests complete as cancelled (no callbacks run), buffers flush.
    pub fn shutdown(&mut self) {
        let pending: Vec<RequestId> = self.pending.keys().copied().collect();
        for r in pending {
            self.reactor.cancel(r);
            self.vm.complete(r, IoResult::Cancelled);
        }
        self.pending.clear();
        self.reactor.finish();
    }

    /// Looks at the Task PMC data of a scheduled task (tests).
    pub fn task_data(&self, id: TaskId) -> Option<TaskData> {
        let s = self.tasks.get(&id)?;
        match self.vm.heap.get(s.pmc?) {
            PmcData::Task(t) => Some((**t).clone()),
            _ => None,
        }
    }
}
