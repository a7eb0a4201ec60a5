//! The file backend: files opened by `open` and `fdopen`, worked on by a bounded pool of
//! worker threads ([`state`] holds what a worker does to a file).
//!
//! ## Order
//! Each handle has one queue: its operations start in submission order and only one is in
//! flight at a time (the [`FileState`] travels to the worker with it), so requests on one
//! handle complete in submission order (DESIGN §2), whatever mix of sync and async ops made
//! them.
//!
//! ## Read-ahead
//! After a big sequential read of a regular file, the next chunks are read on other workers
//! ([`Prefetch`]) while the program works on this one.

mod state;

use super::pool::{Job, Pool};
use crate::os_error::os_error_text;
use crate::platform;
use crate::reactor::{Backend, CancelOutcome, Cx, HandleId, Waiter};
use kea_vm::interp::{IoOp, IoResult};
use kea_vm::string::Str;
use rustc_hash::FxHashMap as HashMap;
use state::{open_file, read_at, stat, take_ahead, FOp, FRes, FileState, RCHUNK};
use std::collections::VecDeque;
use std::fs::File;
use std::io::Seek;
use std::sync::Arc;

/// A file handle: its state (away while a worker has it) and the operations waiting.
struct FileSlot {
    state: Option<Box<FileState>>,
    queue: VecDeque<(IoOp, Waiter)>,
    /// Read-ahead for sequential big reads of a regular file (see [`Prefetch`]), oldest
    /// first.
    prefetch: VecDeque<Prefetch>,
    /// Bumped whenever a read-ahead is dropped, so a late one is recognised.
    gen: u64,
    /// The file for reading ahead with `pread`, which moves no position.
    ahead: Option<Arc<File>>,
}

impl FileSlot {
    fn new(state: Box<FileState>) -> FileSlot {
        FileSlot { state: Some(state), queue: VecDeque::new(), prefetch: VecDeque::new(), gen: 0, ahead: None }
    }
}

/// How many chunks are read ahead: two workers copy in parallel on two cores.
const AHEAD: usize = 2;

/// A read-ahead: after a big sequential read of a regular file, the next chunks are read on
/// other workers while the program works on this one; the next `read` of the same size at
/// that offset takes it without a round trip to the pool. Any other operation drops them.
struct Prefetch {
    offset: u64,
    len: usize,
    /// The bytes, once read.
    data: Option<Result<Vec<u8>, String>>,
    /// A read waiting for it.
    waiter: Option<Waiter>,
}

/// What comes back from a worker.
enum Done {
    File {
        id: HandleId,
        state: Box<FileState>,
        result: FRes,
        waiter: Waiter,
        ahead: Option<usize>,
        /// A write, flush or close: if it failed, output was lost.
        writes: bool,
    },
    Ahead {
        id: HandleId,
        gen: u64,
        offset: u64,
        result: Result<Vec<u8>, String>,
    },
    Opened {
        waiter: Waiter,
        result: Result<(Box<FileState>, String, String), String>,
    },
    Value {
        waiter: Waiter,
        result: FRes,
    },
}

/// The file backend.
pub struct Files {
    files: HashMap<HandleId, FileSlot>,
    pool: Pool<Done>,
}

impl Default for Files {
    fn default() -> Self {
        Files { files: HashMap::default(), pool: Pool::new("file", Some("file IO")) }
    }
}

impl Files {
    fn dispatch(&mut self, cx: &mut Cx<'_>, job: Job<Done>) {
        self.pool.run(cx.threads, cx.waker, job);
    }

    /// Starts the next queued operation of file `id` if none is in flight.
    fn pump_file(&mut self, cx: &mut Cx<'_>, id: HandleId) {
        loop {
            let Some(slot) = self.files.get_mut(&id) else { return };
            if slot.prefetch.front().is_some_and(|p| p.waiter.is_some()) {
                // A read waits for the read-ahead; everything after it waits too.
                return;
            }
            let Some(mut state) = slot.state.take() else { return };
            let Some((op, waiter)) = slot.queue.pop_front() else {
                slot.state = Some(state);
                return;
            };
            // A big sequential read: take the read-ahead if it is the right one.
            let big = match op {
                IoOp::Read { count, .. }
                    if count >= RCHUNK
                        && state.regular
                        && state.readable
                        && state.unread().is_empty()
                        && state.wbuf.is_empty() =>
                {
                    Some(count)
                }
                _ => None,
            };
            let next = slot.prefetch.front().map(|p| (p.offset, p.len));
            match (big, next) {
                (Some(count), Some((off, len))) if len == count && state.file.stream_position().ok() == Some(off) => {
                    let mut p = slot.prefetch.pop_front().expect("front exists");
                    match p.data.take() {
                        Some(r) => {
                            let result = take_ahead(&mut state, r, count);
                            slot.state = Some(state);
                            cx.done(waiter, result);
                            self.start_prefetch(cx, id, count);
                        }
                        None => {
                            p.waiter = Some(waiter);
                            slot.prefetch.push_front(p);
                            slot.state = Some(state);
                            return;
                        }
                    }
                    continue;
                }
                (_, Some(_)) => {
                    slot.gen += 1;
                    slot.prefetch.clear();
                }
                _ => {}
            }
            if let Some(r) = state.try_fast(&op) {
                slot.state = Some(state);
                cx.done(waiter, r);
                continue;
            }
            let closing = matches!(op, IoOp::Close { .. });
            let Some(fop) = FOp::of(&op) else {
                slot.state = Some(state);
                let result = IoResult::Failed(format!("{} is not an operation on an open file", op.kind()));
                cx.done(waiter, result);
                continue;
            };
            let writes = fop.writes();
            let job: Job<Done> = Box::new(move || {
                let result = state.perform(&fop);
                Done::File { id: if closing { u32::MAX } else { id }, state, result, waiter, ahead: big, writes }
            });
            if closing {
                // The handle is gone once its last flush is done; later ops find it closed.
                cx.close(id);
                if let Some(slot) = self.files.remove(&id) {
                    for (_, w) in slot.queue {
                        cx.done(w, IoResult::Cancelled);
                    }
                }
            }
            self.dispatch(cx, job);
            return;
        }
    }

    /// Keeps `AHEAD` chunks of `len` bytes of file `id` being read ahead, on workers.
    fn start_prefetch(&mut self, cx: &mut Cx<'_>, id: HandleId, len: usize) {
        let Some(slot) = self.files.get_mut(&id) else { return };
        let Some(state) = slot.state.as_mut() else { return };
        if slot.ahead.is_none() {
            match platform::reader_at(&state.file, &state.path) {
                Ok(f) => slot.ahead = Some(Arc::new(f)),
                Err(_) => return,
            }
        }
        let Some(ahead) = slot.ahead.clone() else { return };
        let mut offset = match slot.prefetch.back() {
            Some(p) => p.offset + p.len as u64,
            None => match state.file.stream_position() {
                Ok(o) => o,
                Err(_) => return,
            },
        };
        let gen = slot.gen;
        let mut jobs: Vec<Job<Done>> = Vec::new();
        while slot.prefetch.len() < AHEAD {
            slot.prefetch.push_back(Prefetch { offset, len, data: None, waiter: None });
            let f = ahead.clone();
            let at = offset;
            jobs.push(Box::new(move || Done::Ahead { id, gen, offset: at, result: read_at(&f, at, len) }));
            offset += len as u64;
        }
        for j in jobs {
            self.dispatch(cx, j);
        }
    }

    /// A worker's result.
    fn took_in(&mut self, cx: &mut Cx<'_>, d: Done) {
        match d {
            Done::Ahead { id, gen, offset, result } => {
                let Some(slot) = self.files.get_mut(&id) else { return };
                if slot.gen != gen {
                    if let Ok(v) = result {
                        kea_vm::string::give_buffer(v);
                    }
                    return;
                }
                let Some(p) = slot.prefetch.iter_mut().find(|p| p.offset == offset) else { return };
                p.data = Some(result);
                let front_ready = slot.prefetch.front().is_some_and(|p| p.data.is_some() && p.waiter.is_some());
                if front_ready {
                    let mut p = slot.prefetch.pop_front().expect("front exists");
                    let (w, count) = (p.waiter.take().expect("waiter"), p.len);
                    if let (Some(state), Some(r)) = (slot.state.as_mut(), p.data.take()) {
                        let r = take_ahead(state, r, count);
                        cx.done(w, r);
                        self.start_prefetch(cx, id, count);
                    }
                    self.pump_file(cx, id);
                }
            }
            Done::File { id, mut state, result, waiter, ahead, writes } => {
                // A failed write nobody will hear of is lost output; one that will reach
                // its request is watched in case the request is cancelled first.
                if let (true, FRes::Failed(m)) = (writes, &result) {
                    let m = format!("'{}': {m}", state.path);
                    cx.lost.failed_write(waiter, m, cx.cancelled);
                }
                // A full big read of a regular file: read the next chunk ahead.
                let more = match (&result, ahead) {
                    (FRes::Data(d, false), Some(n)) if d.len() == n && state.regular => Some(n),
                    _ => None,
                };
                // A cancelled read gives its bytes back to the handle: nothing is lost.
                if let FRes::Data(data, _) = &result {
                    if cx.cancelled.contains(&waiter.req) {
                        let mut back = data.clone();
                        back.extend_from_slice(state.unread());
                        state.rbuf = back;
                        state.rpos = 0;
                    }
                }
                cx.done(waiter, result.into_result());
                if let Some(slot) = self.files.get_mut(&id) {
                    slot.state = Some(state);
                    if let Some(n) = more {
                        if slot.queue.is_empty() {
                            self.start_prefetch(cx, id, n);
                        }
                    }
                    self.pump_file(cx, id);
                }
            }
            Done::Opened { waiter, result } => {
                let result = match result {
                    Ok((state, path, mode)) => {
                        let id = cx.open();
                        self.files.insert(id, FileSlot::new(state));
                        IoResult::Opened { handle: id, path: Str::from(path), mode: Str::from(mode) }
                    }
                    Err(msg) => IoResult::Failed(msg),
                };
                cx.done(waiter, result);
            }
            Done::Value { waiter, result } => cx.done(waiter, result.into_result()),
        }
    }
}

impl Backend for Files {
    fn takes(&self, op: &IoOp) -> bool {
        matches!(op, IoOp::Open { .. } | IoOp::FdOpen { .. } | IoOp::Stat { .. })
    }

    fn submit(&mut self, cx: &mut Cx<'_>, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        match op {
            IoOp::Open { path, mode } => {
                let (path, mode) = (path.to_text(), mode.to_text());
                let job: Job<Done> = Box::new(move || Done::Opened { waiter, result: open_file(&path, &mode) });
                self.dispatch(cx, job);
                None
            }
            IoOp::FdOpen { fd, mode } => {
                let path = match platform::fd_path(fd) {
                    Ok(p) => p,
                    Err(e) => return Some(IoResult::Failed(format!("Unable to open filehandle from fd {fd}: {e}"))),
                };
                let mode = mode.to_text();
                let job: Job<Done> = Box::new(move || Done::Opened { waiter, result: open_file(&path, &mode) });
                self.dispatch(cx, job);
                None
            }
            IoOp::Stat { path, fd, what, link } => {
                let path = path.to_text();
                let job: Job<Done> = Box::new(move || Done::Value { waiter, result: stat(&path, fd, what, link) });
                self.dispatch(cx, job);
                None
            }
            op => {
                let id = op.handle().unwrap_or(u32::MAX);
                let Some(slot) = self.files.get_mut(&id) else {
                    return Some(IoResult::Failed(format!("{} on a closed filehandle", op.kind())));
                };
                if slot.queue.is_empty() {
                    if let Some(st) = slot.state.as_mut() {
                        if let Some(r) = st.try_fast(&op) {
                            return Some(r);
                        }
                    }
                }
                slot.queue.push_back((op, waiter));
                self.pump_file(cx, id);
                None
            }
        }
    }

    fn drain(&mut self, cx: &mut Cx<'_>) {
        while let Some(d) = self.pool.next() {
            self.took_in(cx, d);
        }
    }

    fn cancel(&mut self, _cx: &mut Cx<'_>, waiter: Waiter) -> Option<CancelOutcome> {
        for slot in self.files.values_mut() {
            if let Some(i) = slot.queue.iter().position(|(_, x)| *x == waiter) {
                slot.queue.remove(i);
                return Some(CancelOutcome::NotStarted);
            }
        }
        None
    }

    fn busy(&self) -> bool {
        self.pool.in_flight() > 0
    }

    fn flush(&mut self, cx: &mut Cx<'_>) {
        for slot in self.files.values_mut() {
            if let Some(st) = slot.state.as_mut() {
                if let Err(e) = st.flush() {
                    cx.lost.note(format!("'{}': write failed: {}", st.path, os_error_text(&e)));
                }
            }
        }
    }

    fn finish(&mut self, cx: &mut Cx<'_>) -> bool {
        // Queued writes still run: start them and let them finish.
        let ids: Vec<HandleId> = self.files.keys().copied().collect();
        for id in ids {
            self.pump_file(cx, id);
        }
        self.pool.in_flight() > 0
    }
}
