//! The reactor: one `mio::Poll`, its waker, and the table of sources (every open handle and
//! the backend that owns it). It routes each op and each readiness event to the backend
//! that owns the handle, and hands the scheduler what finished, in completion order. The
//! contract a backend keeps is in `reactor/backend.rs`; the backends are in `backend/`, which
//! also makes the reactor ([`Reactor::new`]) with them: the reactor knows only the trait, so
//! no module here imports a backend. Output lost with nobody told is kept in `lost.rs`.
//!
//! ## One reactor step ([`Reactor::poll`])
//! 1. **Drain**: every backend takes in what finished without waiting (stdout handed to
//!    the OS, so async writes there complete; results posted by worker threads).
//! 2. **Timeout**: the scheduler's timeout, shortened to the earliest backend deadline.
//! 3. **Wait**: poll for events when anything is under way, or when there is a timeout and
//!    nothing is ready yet; without waiting when completions are already waiting. stdout is
//!    flushed before the process sleeps. An interrupted wait (EINTR) is retried with the time
//!    left; any other poll error is kept for [`Reactor::take_failure`] (the scheduler fails
//!    the run with it) rather than dropped.
//! 4. **Route**: each event goes to the backend that owns its token's handle.
//! 5. **Expire**: operations whose timeout passed fail.
//! 6. **Drain** again, and hand over the completions, less those of cancelled requests.
//!
//! ## Handles
//! A handle id is the key of the source table and, for a source registered with mio, its
//! token (the waker's token is `usize::MAX`). 0, 1 and 2 are stdin, stdout and stderr, owned
//! by the stdio backend; a backend gets a new id with `Cx::open` and gives it back with
//! `Cx::close`.
//!
//! ## Why handle ids are not reused
//! A late answer can name a handle after it closed: a file's read-ahead finishing after the
//! close, a readiness event already in the batch being handled. With ids never reused, such
//! an answer finds no source (or a closed one) and is dropped; with reuse it could land on
//! the handle that took the id. So the table is keyed by an id that only grows (a `u32`:
//! four billion opens), not by a reusable slot index.

mod backend;
mod lost;
#[cfg(test)]
mod tests;

pub use backend::{token, Backend, Cx};
pub use lost::Lost;

use crate::os_error::os_error_text;
use crate::sink::Sink;
use kea_vm::host::RequestId;
use kea_vm::interp::{IoOp, IoResult};
use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;
use std::io;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A handle's id: the key of its source, and its mio token.
pub type HandleId = u32;

/// Who receives a completion: the VM's request, and whether a task waits for it (the sync
/// form: a backend may finish it sooner, e.g. a write once it is buffered).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Waiter {
    /// The request the answer goes to.
    pub req: RequestId,
    /// A task is parked until it completes.
    pub wait: bool,
}

impl Waiter {
    /// The runtime's own operations (closing a handle the collector freed): nobody hears
    /// their outcome.
    pub const NOBODY: Waiter = Waiter { req: RequestId::NONE, wait: true };
}

/// A finished operation.
#[derive(Debug)]
pub struct Completion {
    /// Who gets it.
    pub waiter: Waiter,
    /// The outcome.
    pub result: IoResult,
}

/// What `cancel` did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CancelOutcome {
    /// It had not started; it never will.
    NotStarted,
    /// It is under way; its outcome will be dropped (data read goes back to the handle).
    InProgress,
    /// This many bytes were already handed on.
    BytesDone(u64),
}

/// The source table: which backend owns each open handle.
pub(crate) struct Sources {
    /// Open handles and the index of their backend in [`Reactor::backends`].
    owner: HashMap<HandleId, usize>,
    /// The next id to give out (see "Why handle ids are not reused").
    next: HandleId,
}

impl Sources {
    /// The standard handles 0, 1 and 2, owned by backend `stdio`.
    fn new(stdio: usize) -> Sources {
        let owner = (0..3).map(|h| (h, stdio)).collect();
        Sources { owner, next: 3 }
    }

    fn insert(&mut self, backend: usize) -> HandleId {
        let id = self.next;
        self.next += 1;
        self.owner.insert(id, backend);
        id
    }

    fn remove(&mut self, id: HandleId) {
        self.owner.remove(&id);
    }

    fn owner(&self, id: HandleId) -> Option<usize> {
        self.owner.get(&id).copied()
    }
}

/// The reactor's token for the waker: no handle has it.
const WAKE: mio::Token = mio::Token(usize::MAX);

/// The IO side of a run: the poll, the source table, the backends, and program output.
pub struct Reactor<S: Sink> {
    /// stdout/stderr.
    pub sink: S,
    /// `--trace-io`: one line per event on stderr.
    pub trace: bool,
    /// File worker threads.
    pub pool_size: usize,
    poll: mio::Poll,
    /// The buffer the poll fills; kept to spare an allocation per step.
    events: mio::Events,
    /// Wakes the poll from other threads (workers, the REPL's line editor).
    waker: Arc<mio::Waker>,
    sources: Sources,
    /// In routing order: an op no handle's owner gets goes to the first that `takes` it.
    backends: Vec<Box<dyn Backend>>,
    /// Completions ready for the scheduler.
    ready: VecDeque<Completion>,
    /// Requests cancelled while in flight: their outcome is dropped.
    cancelled: Vec<RequestId>,
    /// Ops a backend handed on (`Cx::hand_on`), routed when its call returns.
    forward: Vec<(IoOp, Waiter)>,
    /// Output lost with nobody told (see `lost.rs`).
    lost: Lost,
    /// A poll error other than EINTR, kept until the scheduler takes it.
    failure: Option<io::Error>,
    start: Instant,
}

impl<S: Sink> Reactor<S> {
    /// A reactor over `backends` (in routing order), of which backend `stdio` owns handles
    /// 0, 1 and 2. [`Reactor::new`], in `backend/mod.rs`, picks them.
    ///
    /// # Panics
    /// Never in practice: if the OS refuses an epoll instance (out of descriptors), the
    /// process cannot do IO at all; this reports it and exits 1.
    pub(crate) fn with_backends(sink: S, backends: Vec<Box<dyn Backend>>, stdio: usize) -> Reactor<S> {
        let started = mio::Poll::new().and_then(|poll| {
            let waker = Arc::new(mio::Waker::new(poll.registry(), WAKE)?);
            Ok((poll, waker))
        });
        let (poll, waker) = match started {
            Ok(r) => r,
            Err(e) => {
                eprintln!("kea: cannot start the IO reactor: {}", os_error_text(&e));
                std::process::exit(1);
            }
        };
        Reactor {
            sink,
            trace: false,
            pool_size: 4,
            poll,
            events: mio::Events::with_capacity(64),
            waker,
            sources: Sources::new(stdio),
            backends,
            ready: VecDeque::new(),
            cancelled: Vec::new(),
            forward: Vec::new(),
            lost: Lost::default(),
            failure: None,
            start: Instant::now(),
        }
    }

    /// Microseconds since the reactor started (for `--trace-io`).
    pub fn micros(&self) -> u128 {
        self.start.elapsed().as_micros()
    }

    /// Writes a `--trace-io` line.
    pub fn trace_line(&mut self, line: &str) {
        if self.trace {
            let l = format!("[io {:>8}us] {line}\n", self.micros());
            let _ = self.sink.write(2, l.as_bytes());
        }
    }

    /// A handle that wakes the poll from another thread (the REPL's line editor, when a line
    /// is typed while the scheduler runs).
    pub fn waker(&self) -> Arc<mio::Waker> {
        self.waker.clone()
    }

    /// Is anything under way that will complete by itself?
    pub fn busy(&self) -> bool {
        !self.ready.is_empty() || self.backends.iter().any(|b| b.busy())
    }

    /// A poll error other than EINTR since the last call: the reactor cannot wait for
    /// events any more, and the run should fail with it.
    pub fn take_failure(&mut self) -> Option<io::Error> {
        self.failure.take()
    }

    /// Calls backend `b` with a context over the reactor's state, then routes what it
    /// handed on.
    fn with<R>(&mut self, b: usize, f: impl FnOnce(&mut dyn Backend, &mut Cx<'_>) -> R) -> R {
        let Reactor { sink, pool_size, poll, waker, sources, backends, ready, cancelled, forward, lost, .. } = self;
        let mut cx = Cx {
            registry: poll.registry(),
            waker,
            sink,
            lost,
            cancelled,
            threads: *pool_size,
            ready,
            sources,
            forward,
            me: b,
        };
        let r = f(backends[b].as_mut(), &mut cx);
        while !self.forward.is_empty() {
            let (op, waiter) = self.forward.remove(0);
            // Nobody waits on the return value of a handed-on op: its result is queued.
            if let Some(result) = self.start_op(op, waiter) {
                self.ready.push_back(Completion { waiter, result });
            }
        }
        r
    }

    /// The backend an op goes to: the first that takes it, else the owner of its handle.
    fn route(&self, op: &IoOp) -> Option<usize> {
        match self.backends.iter().position(|b| b.takes(op)) {
            Some(b) => Some(b),
            None => op.handle().and_then(|h| self.sources.owner(h)),
        }
    }

    fn start_op(&mut self, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        match self.route(&op) {
            Some(b) => self.with(b, |backend, cx| backend.submit(cx, op, waiter)),
            None => Some(IoResult::Failed(format!("{} on a closed filehandle", op.kind()))),
        }
    }

    /// Starts `op` for `waiter`. A sync op whose result is known at once gets it back here
    /// (the task need not park); otherwise the result comes from [`Reactor::poll`].
    pub fn submit(&mut self, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        let writes = matches!(op, IoOp::Write { .. } | IoOp::Flush { .. } | IoOp::Close { .. });
        match (self.start_op(op, waiter), waiter) {
            (Some(r), w) if w.wait => Some(r),
            (Some(r), w) => {
                if let (true, IoResult::Failed(m)) = (writes, &r) {
                    self.lost.watch(w, format!("stdout: {m}"));
                }
                self.ready.push_back(Completion { waiter: w, result: r });
                None
            }
            (None, _) => None,
        }
    }

    /// Every backend takes in what finished.
    fn drain(&mut self) {
        for b in 0..self.backends.len() {
            self.with(b, |backend, cx| backend.drain(cx));
        }
    }

    /// Waits for events up to `timeout`, retrying EINTR; another error is kept.
    fn wait(&mut self, timeout: Option<Duration>) {
        let (poll, events) = (&mut self.poll, &mut self.events);
        if let Err(e) = retry_interrupted(timeout, |t| poll.poll(events, t)) {
            self.failure.get_or_insert(e);
        }
    }

    /// The reactor step (see the module doc): returns what finished, in completion order.
    /// Waits up to `timeout` (`None`: as long as it takes) when nothing is ready yet.
    pub fn poll(&mut self, timeout: Option<Duration>) -> Vec<Completion> {
        // 1. Drain.
        self.drain();
        // 2. Timeout.
        let live = self.backends.iter().any(|b| b.busy());
        let mut timeout = timeout;
        if let Some(d) = self.backends.iter().filter_map(|b| b.next_deadline()).min() {
            let left = d.saturating_duration_since(Instant::now());
            timeout = Some(timeout.map_or(left, |t| t.min(left)));
        }
        // 3. Wait.
        if live || (self.ready.is_empty() && timeout.is_some()) {
            let t = if self.ready.is_empty() { timeout } else { Some(Duration::ZERO) };
            if t != Some(Duration::ZERO) {
                // Output must be out before the process sleeps.
                self.lost.flush_sink(&mut self.sink);
            }
            match t {
                // epoll counts whole milliseconds and mio rounds up: sleep a sub-millisecond
                // wait precisely, and wait the whole milliseconds of a longer one.
                Some(t) if t > Duration::ZERO && t < Duration::from_millis(1) && !live => std::thread::sleep(t),
                Some(t) if t >= Duration::from_millis(1) => {
                    self.wait(Some(Duration::from_millis(t.as_millis() as u64)))
                }
                t => self.wait(t),
            }
            // 4. Route.
            let events = std::mem::replace(&mut self.events, mio::Events::with_capacity(0));
            for ev in events.iter().filter(|ev| ev.token() != WAKE) {
                let id = ev.token().0 as HandleId;
                // A handle closed earlier in this batch has no owner: its event is dropped.
                if let Some(b) = self.sources.owner(id) {
                    self.with(b, |backend, cx| backend.event(cx, id, ev));
                }
            }
            self.events = events;
            // 5. Expire.
            let now = Instant::now();
            for b in 0..self.backends.len() {
                self.with(b, |backend, cx| backend.expire(cx, now));
            }
            // 6. Drain.
            self.drain();
        }
        let mut out: Vec<Completion> = self.ready.drain(..).collect();
        out.retain_mut(|c| {
            let r = c.waiter.req;
            if self.cancelled.contains(&r) {
                self.cancelled.retain(|x| *x != r);
                return false;
            }
            true
        });
        // These failures now reach their requests.
        self.lost.delivered(&out);
        out
    }

    /// Cancels the async request `r` if it can still be stopped.
    pub fn cancel(&mut self, r: RequestId) -> CancelOutcome {
        let w = Waiter { req: r, wait: false };
        for b in 0..self.backends.len() {
            if let Some(outcome) = self.with(b, |backend, cx| backend.cancel(cx, w)) {
                return outcome;
            }
        }
        if let Some(i) = self.ready.iter().position(|c| c.waiter == w) {
            self.ready.remove(i);
            self.lost.cancelled(w);
            return CancelOutcome::InProgress;
        }
        self.cancelled.push(r);
        CancelOutcome::InProgress
    }

    /// Flushes every buffer, blocking (at exit, before an error report). Files with
    /// operations still in flight are flushed by their last operation. A failure is kept for
    /// [`Reactor::report_lost`].
    pub fn flush_all(&mut self) {
        for b in 0..self.backends.len() {
            self.with(b, |backend, cx| backend.flush(cx));
        }
    }

    /// Flushes everything, then says on stderr what output was lost with no request to
    /// report it (`kea: error: output lost: ...`, one line each). True if any was: the run
    /// must then fail, or a full disk would pass for success.
    pub fn report_lost(&mut self) -> bool {
        self.flush_all();
        if let Some(e) = self.sink.take_error() {
            self.lost.note(format!("stdout: write failed: {}", os_error_text(&e)));
        }
        self.lost.report(&mut self.sink)
    }

    /// Waits (bounded) for operations in flight so their writes reach the files, then
    /// flushes everything: nothing written is lost at exit.
    pub fn finish(&mut self) {
        self.lost.finish();
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            let mut waiting = false;
            for b in 0..self.backends.len() {
                waiting |= self.with(b, |backend, cx| backend.finish(cx));
            }
            if !waiting || Instant::now() >= deadline {
                break;
            }
            self.wait(Some(Duration::from_millis(50)));
            self.drain();
        }
        self.flush_all();
    }
}

/// Calls `wait` with `timeout`, again with the time left while it fails with EINTR (a
/// signal arrived); returns its first other outcome.
pub(crate) fn retry_interrupted(
    timeout: Option<Duration>,
    mut wait: impl FnMut(Option<Duration>) -> io::Result<()>,
) -> io::Result<()> {
    let end = timeout.map(|t| Instant::now() + t);
    let mut left = timeout;
    loop {
        match wait(left) {
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {
                left = end.map(|end| end.saturating_duration_since(Instant::now()));
            }
            r => return r,
        }
    }
}
