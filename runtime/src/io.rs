//! The IO backends behind the scheduler: stdout/stderr through the [`Sink`], stdin through a
//! helper thread, files through a bounded worker pool. Completions come back over a channel
//! and wake the reactor (`mio::Poll`) through a `mio::Waker`.
//!
//! ## Order
//! Each handle has one queue: its operations start in submission order and only one is in
//! flight at a time, so requests on one handle complete in submission order (DESIGN §2),
//! whatever mix of sync and async ops made them. stdout and stderr need no queue: their bytes
//! enter the sink's buffer at the op, in program order; an async write there completes when
//! the buffer has been handed to the OS (the next reactor step).
//!
//! ## Fast path
//! An operation the handle's buffers can satisfy without a system call (a write that fits the
//! write buffer, a read the read buffer holds) is done on the spot when nothing is queued
//! before it. The result is the same as the pool's; only the latency differs.
//!
//! ## Write errors
//! A file's write that fits its buffer succeeds at once, so a full disk (ENOSPC) or a file
//! size limit (EFBIG) shows at the operation that writes the buffer out: a write that
//! overflows it, `flush`, `close`, or a read or seek (which flush first). A failed flush drops
//! the buffer: the error reports those bytes, and a retry must not write them twice. A
//! write past `RLIMIT_FSIZE` gets EFBIG only because `main` ignores SIGXFSZ.
//!
//! ## Why lost output fails the run
//! Some flushes have no request to report to: stdout before a sleep, a stdin read or stderr
//! output; a close of a handle the collector freed; a failed write whose request was
//! cancelled; every buffer at exit. Dropping those errors would let `kea prog > /dev/full`
//! exit 0 with its output gone, so the host keeps them and [`Host::report_lost`] names each
//! on stderr at the end, and the run's status becomes 1 (as C's `close_stdout` does). A
//! failure that reached its request is the program's to handle and is not reported again.

use crate::host::{os_error_text, Sink};
use kea_vm::interp::{IoOp, IoResult};
use kea_vm::pmc::{Elem, PmcRef};
use kea_vm::string::{Encoding, Str};
use rustc_hash::FxHashMap as HashMap;
use std::collections::VecDeque;
use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read, Seek, SeekFrom, Write};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::mpsc::{channel, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Handle ids for files and sockets, unique in the process (0–2 are the standard handles;
/// the reactor's waker is token 0, so an id is also a socket's mio token).
static NEXT_ID: AtomicU32 = AtomicU32::new(3);

/// A fresh handle id.
pub fn next_socket_id() -> u32 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

/// Who receives a completion: a parked task (sync op) or a Request PMC (async op).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Waiter {
    /// The scheduler's task id.
    Task(u64),
    /// The request.
    Request(PmcRef),
}

/// A finished operation.
#[derive(Debug)]
pub struct Completion {
    /// Who gets it.
    pub waiter: Waiter,
    /// The outcome.
    pub result: IoResult,
}

/// The write buffer of a file.
const WBUF: usize = 64 * 1024;
/// The least a read from a file asks the OS for.
const RCHUNK: usize = 64 * 1024;
/// The most a read-ahead asks for.
const RMAX: usize = 1 << 20;

/// A file operation on its way to a worker (plain bytes: a VM string is not `Send`).
enum FOp {
    Write(Vec<u8>),
    Read(usize),
    ReadLine(Vec<u8>),
    ReadAll,
    Peek,
    Seek(i64, i64),
    Tell,
    Flush,
    Close,
    IsATty,
}

impl FOp {
    fn of(op: &IoOp) -> Option<FOp> {
        Some(match op {
            IoOp::Write { data, .. } => FOp::Write(data.as_bytes().to_vec()),
            IoOp::Read { count, .. } => FOp::Read(*count),
            IoOp::ReadLine { sep, .. } => FOp::ReadLine(sep_bytes(sep).to_vec()),
            IoOp::ReadAll { .. } => FOp::ReadAll,
            IoOp::Peek { .. } => FOp::Peek,
            IoOp::Seek { offset, whence, .. } => FOp::Seek(*offset, *whence),
            IoOp::Tell { .. } => FOp::Tell,
            IoOp::Flush { .. } => FOp::Flush,
            IoOp::Close { .. } => FOp::Close,
            IoOp::IsATty { .. } => FOp::IsATty,
            _ => return None,
        })
    }

    /// Does it write (or flush what earlier writes buffered)? Its failure loses output.
    fn writes(&self) -> bool {
        matches!(self, FOp::Write(_) | FOp::Flush | FOp::Close)
    }
}

/// A worker's result, turned into an [`IoResult`] on the scheduler's thread.
enum FRes {
    Done,
    Written(u64),
    Data(Vec<u8>, bool),
    Int(i64),
    Failed(String),
}

impl FRes {
    fn into_result(self) -> IoResult {
        match self {
            FRes::Done => IoResult::Done,
            FRes::Written(n) => IoResult::Written(n),
            FRes::Data(d, eof) => IoResult::Data { data: Str::from_vec(d, Encoding::Binary), eof },
            FRes::Int(i) => IoResult::Value(Elem::I(i)),
            FRes::Failed(m) => IoResult::Failed(m),
        }
    }
}

/// An open file as a worker sees it: the descriptor and its buffers.
struct FileState {
    file: File,
    /// The path it was opened with, for the exit report of output that could not be written.
    path: String,
    readable: bool,
    writable: bool,
    regular: bool,
    rbuf: Vec<u8>,
    rpos: usize,
    wbuf: Vec<u8>,
}

impl FileState {
    fn unread(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    /// Writes out the write buffer.
    fn flush(&mut self) -> io::Result<()> {
        if !self.wbuf.is_empty() {
            let r = self.file.write_all(&self.wbuf);
            self.wbuf.clear();
            r?;
        }
        Ok(())
    }

    /// Before a write: the OS position must be where the program thinks it is.
    fn drop_read_ahead(&mut self) -> io::Result<()> {
        let n = self.unread().len();
        if n > 0 {
            self.file.seek(SeekFrom::Current(-(n as i64)))?;
        }
        self.rbuf.clear();
        self.rpos = 0;
        Ok(())
    }

    /// Reads more into the read buffer; returns how many bytes came (0 at end of file).
    fn fill(&mut self, want: usize) -> io::Result<usize> {
        if self.rpos > 0 {
            self.rbuf.drain(..self.rpos);
            self.rpos = 0;
        }
        let ask = want.clamp(RCHUNK, RMAX);
        let old = self.rbuf.len();
        if self.regular {
            // A file gives `ask` bytes unless it ends first; reading into spare capacity
            // spares zeroing the buffer.
            self.rbuf.reserve(ask);
            let n = (&mut self.file).take(ask as u64).read_to_end(&mut self.rbuf)?;
            return Ok(n);
        }
        self.rbuf.resize(old + ask, 0);
        loop {
            match self.file.read(&mut self.rbuf[old..]) {
                Ok(n) => {
                    self.rbuf.truncate(old + n);
                    return Ok(n);
                }
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    self.rbuf.truncate(old);
                    return Err(e);
                }
            }
        }
    }

    fn take(&mut self, n: usize) -> Vec<u8> {
        let n = n.min(self.unread().len());
        let out = self.rbuf[self.rpos..self.rpos + n].to_vec();
        self.rpos += n;
        out
    }

    /// End of file: nothing buffered and the OS has nothing more.
    fn at_end(&mut self) -> bool {
        if !self.unread().is_empty() {
            return false;
        }
        if !self.regular {
            return false;
        }
        // Position against size: no read-ahead just to learn it.
        self.past_end()
    }

    /// Is the OS position at or past the end of this regular file?
    fn past_end(&mut self) -> bool {
        match (self.file.stream_position(), self.file.metadata()) {
            (Ok(p), Ok(m)) => p >= m.len(),
            _ => false,
        }
    }

    fn check_read(&self) -> Result<(), String> {
        if self.readable {
            Ok(())
        } else {
            Err("Cannot read from a filehandle not opened for reading".into())
        }
    }

    /// Can `op` be done without a system call? Then do it.
    fn try_fast(&mut self, op: &IoOp) -> Option<IoResult> {
        match op {
            IoOp::Write { data, .. }
                if self.writable && self.rbuf.is_empty() && self.wbuf.len() + data.as_bytes().len() <= WBUF =>
            {
                self.wbuf.extend_from_slice(data.as_bytes());
                Some(IoResult::Written(data.as_bytes().len() as u64))
            }
            // Only when bytes remain after it: whether the file is at its end is then known.
            IoOp::Read { count, .. } if self.readable && self.wbuf.is_empty() && self.unread().len() > *count => {
                let d = self.take(*count);
                Some(IoResult::Data { data: Str::from_vec(d, Encoding::Binary), eof: false })
            }
            IoOp::ReadLine { sep, .. } if self.readable && self.wbuf.is_empty() => {
                let sep = sep_bytes(sep);
                let pos = find(self.unread(), sep)?;
                if pos + sep.len() >= self.unread().len() {
                    return None;
                }
                let d = self.take(pos + sep.len());
                Some(IoResult::Data { data: Str::from_vec(d, Encoding::Binary), eof: false })
            }
            _ => None,
        }
    }

    /// Does `op`, blocking (on a pool thread).
    fn perform(&mut self, op: &FOp) -> FRes {
        match self.perform_inner(op) {
            Ok(r) => r,
            Err(msg) => FRes::Failed(msg),
        }
    }

    fn perform_inner(&mut self, op: &FOp) -> Result<FRes, String> {
        let rd = |e: io::Error| format!("read failed: {}", os_error_text(&e));
        match op {
            FOp::Write(bytes) => {
                if !self.writable {
                    return Err("Cannot write to a filehandle not opened for writing".into());
                }
                let w = |e: io::Error| format!("write failed: {}", os_error_text(&e));
                self.drop_read_ahead().map_err(w)?;
                if self.wbuf.len() + bytes.len() > WBUF {
                    self.flush().map_err(w)?;
                }
                if bytes.len() >= WBUF {
                    self.file.write_all(bytes).map_err(w)?;
                } else {
                    self.wbuf.extend_from_slice(bytes);
                }
                Ok(FRes::Written(bytes.len() as u64))
            }
            FOp::Read(count) => {
                self.check_read()?;
                self.flush().map_err(rd)?;
                let count = (*count).min(1 << 30);
                if self.regular && self.unread().is_empty() && count >= RCHUNK {
                    // A big read of a file goes straight into the result: one copy, no
                    // read-ahead. A short read means the end of the file.
                    let mut out = kea_vm::string::take_buffer(count);
                    (&mut self.file).take(count as u64).read_to_end(&mut out).map_err(rd)?;
                    let eof = out.len() < count || self.past_end();
                    return Ok(FRes::Data(out, eof));
                }
                let mut out = Vec::new();
                while out.len() < count {
                    if self.unread().is_empty() {
                        // A pipe or terminal gives what it has; a file reads until n or its end.
                        if !out.is_empty() && !self.regular {
                            break;
                        }
                        if self.fill(count - out.len()).map_err(rd)? == 0 {
                            break;
                        }
                    }
                    let d = self.take(count - out.len());
                    out.extend_from_slice(&d);
                }
                let eof = (out.is_empty() && count > 0) || self.at_end();
                Ok(FRes::Data(out, eof))
            }
            FOp::ReadLine(sep) => {
                self.check_read()?;
                self.flush().map_err(rd)?;
                let mut searched = 0;
                loop {
                    if let Some(i) = find(&self.unread()[searched.min(self.unread().len())..], sep) {
                        let d = self.take(searched + i + sep.len());
                        let eof = self.at_end();
                        return Ok(FRes::Data(d, eof));
                    }
                    searched = self.unread().len().saturating_sub(sep.len() - 1);
                    if self.fill(RCHUNK).map_err(rd)? == 0 {
                        let n = self.unread().len();
                        return Ok(FRes::Data(self.take(n), true));
                    }
                }
            }
            FOp::ReadAll => {
                self.check_read()?;
                self.flush().map_err(rd)?;
                let mut out = self.take(usize::MAX);
                self.file.read_to_end(&mut out).map_err(rd)?;
                Ok(FRes::Data(out, true))
            }
            FOp::Peek => {
                self.check_read()?;
                self.flush().map_err(rd)?;
                if self.unread().is_empty() && self.fill(RCHUNK).map_err(rd)? == 0 {
                    return Ok(FRes::Data(Vec::new(), true));
                }
                Ok(FRes::Data(vec![self.unread()[0]], false))
            }
            FOp::Seek(offset, whence) => {
                let e = |e: io::Error| format!("seek failed: {}", os_error_text(&e));
                self.flush().map_err(e)?;
                let to = match whence {
                    0 => SeekFrom::Start(u64::try_from(*offset).map_err(|_| "seek failed: Invalid argument(22)")?),
                    1 => SeekFrom::Current(*offset - self.unread().len() as i64),
                    2 => SeekFrom::End(*offset),
                    w => return Err(format!("seek: bad whence {w} (0 start, 1 current, 2 end)")),
                };
                self.rbuf.clear();
                self.rpos = 0;
                let pos = self.file.seek(to).map_err(e)?;
                Ok(FRes::Int(pos as i64))
            }
            FOp::Tell => {
                let pos = self.file.stream_position().map_err(|e| format!("tell failed: {}", os_error_text(&e)))?;
                Ok(FRes::Int(pos as i64 - self.unread().len() as i64 + self.wbuf.len() as i64))
            }
            FOp::Flush => {
                self.flush().map_err(|e| format!("flush failed: {}", os_error_text(&e)))?;
                Ok(FRes::Done)
            }
            // The descriptor itself is closed when the state is dropped; what can fail is the
            // write of the buffered bytes, and that is this request's error.
            FOp::Close => {
                self.flush().map_err(|e| format!("close failed: {}", os_error_text(&e)))?;
                Ok(FRes::Done)
            }
            FOp::IsATty => Ok(FRes::Int(self.file.is_terminal() as i64)),
        }
    }
}

fn sep_bytes(sep: &Str) -> &[u8] {
    if sep.as_bytes().is_empty() {
        b"\n"
    } else {
        sep.as_bytes()
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.len() == 1 {
        return hay.iter().position(|b| *b == needle[0]);
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

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

/// stdin: what the helper thread has read and not yet given out.
#[derive(Default)]
struct StdinSlot {
    buf: Vec<u8>,
    pos: usize,
    eof: bool,
    /// The helper is reading.
    reading: bool,
    queue: VecDeque<(IoOp, Waiter)>,
    /// Asks the helper for one more chunk.
    ask: Option<Sender<()>>,
    closed: bool,
}

/// What comes back from a worker or the stdin helper.
enum Done {
    File {
        id: u32,
        state: Box<FileState>,
        result: FRes,
        waiter: Waiter,
        ahead: Option<usize>,
        /// A write, flush or close: if it failed, output was lost.
        writes: bool,
    },
    Ahead {
        id: u32,
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
    Addrs {
        waiter: Waiter,
        result: Result<Vec<(String, i64)>, String>,
        all: bool,
    },
    /// A host name in a socket op's address was resolved: the op can go on.
    Lookup {
        token: u64,
        result: Result<Vec<(String, i64)>, String>,
    },
    Stdin(io::Result<Vec<u8>>),
}

type Job = Box<dyn FnOnce() -> Done + Send>;

/// A bounded pool of worker threads for blocking file operations.
struct Pool {
    jobs: Sender<Job>,
}

impl Pool {
    fn start(size: usize, done: Sender<Done>, waker: Arc<mio::Waker>) -> io::Result<Pool> {
        let (tx, rx) = channel::<Job>();
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..size.max(1) {
            let (rx, done, waker) = (rx.clone(), done.clone(), waker.clone());
            std::thread::Builder::new().name(format!("kea-file-{i}")).spawn(move || loop {
                let job = match rx.lock() {
                    Ok(r) => r.recv(),
                    Err(_) => return,
                };
                let Ok(job) = job else { return };
                if done.send(job()).is_err() {
                    return;
                }
                let _ = waker.wake();
            })?;
        }
        Ok(Pool { jobs: tx })
    }
}

/// The reactor's token for the waker.
const WAKE: mio::Token = mio::Token(0);

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

/// The IO host: handles, buffers, the worker pool, the stdin helper and the reactor.
pub struct Host<S: Sink> {
    /// stdout/stderr.
    pub sink: S,
    stdin_src: Option<Box<dyn Read + Send>>,
    stdin: StdinSlot,
    files: HashMap<u32, FileSlot>,
    net: crate::net::Net,
    pool: Option<Pool>,
    /// Name resolution has its own pool: a slow resolver never starves file IO.
    dns_pool: Option<Pool>,
    /// Socket ops waiting for their host name to be resolved, by the token their lookup job
    /// answers with. `cancel` removes an entry; an answer for a missing token is dropped.
    lookups: HashMap<u64, (IoOp, Waiter)>,
    next_lookup: u64,
    /// File worker threads.
    pub pool_size: usize,
    done_tx: Sender<Done>,
    done_rx: Receiver<Done>,
    poll: mio::Poll,
    events: mio::Events,
    waker: Arc<mio::Waker>,
    /// Jobs out at the pool or the stdin helper.
    in_flight: usize,
    /// Async writes to stdout/stderr waiting for the next flush, with their byte counts.
    out_pending: Vec<(Waiter, u64)>,
    /// Completions ready for the scheduler.
    ready: VecDeque<Completion>,
    /// Requests cancelled while in flight: their outcome is dropped.
    cancelled: Vec<PmcRef>,
    /// `--trace-io`: one line per event on stderr.
    pub trace: bool,
    start: Instant,
    /// Output that could not be written with no request left to say so: stdout flushed
    /// before a sleep, a stdin read or stderr output; a handle closed by the collector; a
    /// failed write whose request was cancelled; buffers flushed at exit. One message each,
    /// said by [`Host::report_lost`] (see "Why lost output fails the run").
    lost: Vec<String>,
    /// Writes whose request failed but is not yet handed to the scheduler: if the request is
    /// cancelled instead (at `exit`), its failure moves to `lost`. Almost always empty.
    failed_writes: Vec<(Waiter, String)>,
    /// Set by [`Host::finish`]: no completion reaches the program any more.
    finishing: bool,
}

/// An OS error for an unusable reactor, said once.
fn reactor() -> io::Result<(mio::Poll, Arc<mio::Waker>)> {
    let poll = mio::Poll::new()?;
    let waker = Arc::new(mio::Waker::new(poll.registry(), WAKE)?);
    Ok((poll, waker))
}

impl<S: Sink> Host<S> {
    /// A host writing to `sink` and reading stdin from `stdin`.
    ///
    /// # Panics
    /// Never in practice: if the OS refuses an epoll instance (out of descriptors), the
    /// process cannot do IO at all; this reports it and exits 1.
    pub fn new(sink: S, stdin: Box<dyn Read + Send>) -> Host<S> {
        let (poll, waker) = match reactor() {
            Ok(r) => r,
            Err(e) => {
                eprintln!("kea: cannot start the IO reactor: {}", os_error_text(&e));
                std::process::exit(1);
            }
        };
        let (done_tx, done_rx) = channel();
        Host {
            sink,
            stdin_src: Some(stdin),
            stdin: StdinSlot::default(),
            files: HashMap::default(),
            net: crate::net::Net::default(),
            pool: None,
            dns_pool: None,
            lookups: HashMap::default(),
            next_lookup: 0,
            pool_size: 4,
            done_tx,
            done_rx,
            poll,
            events: mio::Events::with_capacity(64),
            waker,
            in_flight: 0,
            out_pending: Vec::new(),
            ready: VecDeque::new(),
            cancelled: Vec::new(),
            trace: false,
            start: Instant::now(),
            lost: Vec::new(),
            failed_writes: Vec::new(),
            finishing: false,
        }
    }

    /// Microseconds since the host started (for `--trace-io`).
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

    /// A handle that wakes the reactor's poll from another thread (the REPL's line editor,
    /// when a line is typed while the scheduler runs).
    pub fn waker(&self) -> Arc<mio::Waker> {
        self.waker.clone()
    }

    /// Is anything under way that will complete by itself?
    pub fn busy(&self) -> bool {
        self.in_flight > 0 || !self.ready.is_empty() || !self.out_pending.is_empty() || self.net.busy()
    }

    /// Starts `op` for `waiter`. A sync op whose result is known at once gets it back here
    /// (the task need not park); otherwise the result comes from [`Host::poll`].
    pub fn submit(&mut self, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        if matches!(op, IoOp::Net(_)) || op.handle().is_some_and(|h| self.net.has(h)) {
            return self.submit_net(op, waiter);
        }
        let writes = matches!(op, IoOp::Write { .. } | IoOp::Flush { .. } | IoOp::Close { .. });
        let now = self.submit_inner(op, waiter);
        match (now, waiter) {
            (Some(r), Waiter::Task(_)) => Some(r),
            (Some(r), w) => {
                if let (true, IoResult::Failed(m)) = (writes, &r) {
                    self.failed_writes.push((w, format!("stdout: {m}")));
                }
                self.ready.push_back(Completion { waiter: w, result: r });
                None
            }
            (None, _) => None,
        }
    }

    fn submit_net(&mut self, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        use kea_vm::interp::net::NetOp;
        if let IoOp::Net(NetOp::Resolve { host, port, family, all }) = op {
            let h = host.to_text();
            match crate::net::literal(&h, port, family) {
                Some(r) => self.ready.push_back(Completion { waiter, result: addrs(r, all) }),
                None => {
                    let job: Job =
                        Box::new(move || Done::Addrs { waiter, result: crate::net::resolve(&h, port, family), all });
                    self.dispatch_dns(job);
                }
            }
        } else if let Some((host, port, fam)) = lookup_of(&op) {
            // Resolve the name on the resolver pool first; the op goes on from `drain`.
            self.next_lookup += 1;
            let token = self.next_lookup;
            self.lookups.insert(token, (op, waiter));
            let job: Job =
                Box::new(move || Done::Lookup { token, result: crate::net::resolve(&host, port as i64, fam) });
            self.dispatch_dns(job);
        } else {
            let reg = self.poll.registry();
            self.net.submit(reg, op, waiter, &mut next_socket_id, &mut self.ready);
        }
        // A sync op that is already done need not park its task.
        if matches!(waiter, Waiter::Task(_)) && self.ready.back().is_some_and(|c| c.waiter == waiter) {
            return self.ready.pop_back().map(|c| c.result);
        }
        None
    }

    fn dispatch_dns(&mut self, job: Job) {
        if self.dns_pool.is_none() {
            match Pool::start(2, self.done_tx.clone(), self.waker.clone()) {
                Ok(p) => self.dns_pool = Some(p),
                Err(_) => {
                    let d = job();
                    let _ = self.done_tx.send(d);
                    self.in_flight += 1;
                    return;
                }
            }
        }
        self.in_flight += 1;
        if let Some(p) = &self.dns_pool {
            if let Err(back) = p.jobs.send(job) {
                let _ = self.done_tx.send((back.0)());
            }
        }
    }

    fn submit_inner(&mut self, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        match op {
            IoOp::Write { handle: h @ (1 | 2), data } => {
                let n = data.as_bytes().len() as u64;
                if let Err(e) = self.sink.write(h, data.as_bytes()) {
                    return Some(IoResult::Failed(format!("write failed: {}", os_error_text(&e))));
                }
                match waiter {
                    Waiter::Task(_) => Some(IoResult::Done),
                    w => {
                        self.out_pending.push((w, n));
                        None
                    }
                }
            }
            IoOp::Flush { handle: 1 | 2 } | IoOp::Close { handle: 1 | 2 } => Some(match self.sink.flush() {
                Ok(()) => IoResult::Done,
                Err(e) => IoResult::Failed(format!("flush failed: {}", os_error_text(&e))),
            }),
            IoOp::IsATty { handle: h @ 0..=2 } => Some(IoResult::Value(Elem::I(match h {
                0 => io::stdin().is_terminal(),
                1 => io::stdout().is_terminal(),
                _ => io::stderr().is_terminal(),
            } as i64))),
            IoOp::Seek { handle: h @ 0..=2, .. } | IoOp::Tell { handle: h @ 0..=2 } => {
                Some(IoResult::Failed(format!("Cannot seek or tell on {}", ["stdin", "stdout", "stderr"][h as usize])))
            }
            IoOp::Write { handle: 0, .. } => Some(IoResult::Failed("Cannot write to stdin".into())),
            op if op.handle() == Some(0) => self.stdin_op(op, waiter),
            op @ (IoOp::Read { .. } | IoOp::ReadLine { .. } | IoOp::ReadAll { .. } | IoOp::Peek { .. })
                if matches!(op.handle(), Some(1 | 2)) =>
            {
                Some(IoResult::Failed("Cannot read from a filehandle not opened for reading".into()))
            }
            IoOp::Open { path, mode } => {
                let (path, mode) = (path.to_text(), mode.to_text());
                let job: Job = Box::new(move || Done::Opened { waiter, result: open_file(&path, &mode) });
                self.dispatch(job);
                None
            }
            IoOp::FdOpen { fd, mode } => match fd {
                0..=2 => Some(IoResult::Opened { handle: fd as u32, path: Str::from(format!("fd {fd}")), mode }),
                _ => {
                    let (path, mode) = (format!("/dev/fd/{fd}"), mode.to_text());
                    let job: Job = Box::new(move || Done::Opened { waiter, result: open_file(&path, &mode) });
                    self.dispatch(job);
                    None
                }
            },
            IoOp::Stat { path, fd, what } => {
                let path = path.to_text();
                let job: Job = Box::new(move || Done::Value { waiter, result: stat(&path, fd, what) });
                self.dispatch(job);
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
                self.pump_file(id);
                None
            }
        }
    }

    fn dispatch(&mut self, job: Job) {
        if self.pool.is_none() {
            match Pool::start(self.pool_size, self.done_tx.clone(), self.waker.clone()) {
                Ok(p) => self.pool = Some(p),
                Err(e) => {
                    // No threads to be had: do the work here, blocking.
                    eprintln!("kea: cannot start IO worker threads ({}); doing file IO inline", os_error_text(&e));
                    let d = job();
                    let _ = self.done_tx.send(d);
                    self.in_flight += 1;
                    return;
                }
            }
        }
        self.in_flight += 1;
        if let Some(p) = &self.pool {
            if let Err(back) = p.jobs.send(job) {
                let d = (back.0)();
                let _ = self.done_tx.send(d);
            }
        }
    }

    /// Starts the next queued operation of file `id` if none is in flight.
    fn pump_file(&mut self, id: u32) {
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
                            self.ready.push_back(Completion { waiter, result });
                            self.start_prefetch(id, count);
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
                self.ready.push_back(Completion { waiter, result: r });
                continue;
            }
            let closing = matches!(op, IoOp::Close { .. });
            let Some(fop) = FOp::of(&op) else {
                slot.state = Some(state);
                let result = IoResult::Failed(format!("{} is not an operation on an open file", op.kind()));
                self.ready.push_back(Completion { waiter, result });
                continue;
            };
            let writes = fop.writes();
            let job: Job = Box::new(move || {
                let result = state.perform(&fop);
                Done::File { id: if closing { u32::MAX } else { id }, state, result, waiter, ahead: big, writes }
            });
            if closing {
                // The handle is gone once its last flush is done; later ops find it closed.
                if let Some(slot) = self.files.remove(&id) {
                    for (_, w) in slot.queue {
                        self.ready.push_back(Completion { waiter: w, result: IoResult::Cancelled });
                    }
                }
            }
            self.dispatch(job);
            return;
        }
    }

    /// Keeps `AHEAD` chunks of `len` bytes of file `id` being read ahead, on workers.
    fn start_prefetch(&mut self, id: u32, len: usize) {
        let Some(slot) = self.files.get_mut(&id) else { return };
        let Some(state) = slot.state.as_mut() else { return };
        if slot.ahead.is_none() {
            match state.file.try_clone() {
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
        let mut jobs: Vec<Job> = Vec::new();
        while slot.prefetch.len() < AHEAD {
            slot.prefetch.push_back(Prefetch { offset, len, data: None, waiter: None });
            let f = ahead.clone();
            let at = offset;
            jobs.push(Box::new(move || Done::Ahead { id, gen, offset: at, result: read_at(&f, at, len) }));
            offset += len as u64;
        }
        for j in jobs {
            self.dispatch(j);
        }
    }

    fn stdin_op(&mut self, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        if let IoOp::Close { .. } = op {
            self.stdin.closed = true;
            for (_, w) in std::mem::take(&mut self.stdin.queue) {
                self.ready.push_back(Completion { waiter: w, result: IoResult::Cancelled });
            }
            return Some(IoResult::Done);
        }
        if self.stdin.queue.is_empty() {
            if let Some(r) = self.stdin_try(&op) {
                return Some(r);
            }
        }
        self.stdin.queue.push_back((op, waiter));
        self.stdin_pump();
        None
    }

    /// Serves a stdin op from what is buffered, if it can be.
    fn stdin_try(&mut self, op: &IoOp) -> Option<IoResult> {
        let s = &mut self.stdin;
        let avail = &s.buf[s.pos..];
        let data = |v: Vec<u8>, eof| IoResult::Data { data: Str::from_vec(v, Encoding::Binary), eof };
        match op {
            IoOp::Read { count, .. } => {
                if *count == 0 {
                    return Some(data(Vec::new(), s.eof && avail.is_empty()));
                }
                if avail.is_empty() {
                    return s.eof.then(|| data(Vec::new(), true));
                }
                let n = (*count).min(avail.len());
                let v = avail[..n].to_vec();
                s.pos += n;
                Some(data(v, false))
            }
            IoOp::ReadLine { sep, .. } => {
                let sep = sep_bytes(sep);
                match find(avail, sep) {
                    Some(i) => {
                        let v = avail[..i + sep.len()].to_vec();
                        s.pos += v.len();
                        Some(data(v, false))
                    }
                    None if s.eof => {
                        let v = avail.to_vec();
                        s.pos += v.len();
                        Some(data(v, true))
                    }
                    None => None,
                }
            }
            IoOp::ReadAll { .. } => s.eof.then(|| {
                let v = avail.to_vec();
                s.pos += v.len();
                data(v, true)
            }),
            IoOp::Peek { .. } => match avail.first() {
                Some(b) => Some(data(vec![*b], false)),
                None => s.eof.then(|| data(Vec::new(), true)),
            },
            IoOp::Flush { .. } => Some(IoResult::Done),
            _ => Some(IoResult::Failed(format!("{} is not supported on stdin", op.kind()))),
        }
    }

    /// Serves queued stdin ops; asks the helper for more when one is left waiting.
    fn stdin_pump(&mut self) {
        while let Some((op, waiter)) = self.stdin.queue.pop_front() {
            match self.stdin_try(&op) {
                Some(r) => self.ready.push_back(Completion { waiter, result: r }),
                None => {
                    self.stdin.queue.push_front((op, waiter));
                    break;
                }
            }
        }
        if self.stdin.queue.is_empty() || self.stdin.reading || self.stdin.eof {
            return;
        }
        // Output the user should see before being asked for input.
        self.flush_sink();
        if self.stdin.ask.is_none() {
            let Some(mut src) = self.stdin_src.take() else { return };
            let (ask_tx, ask_rx) = channel::<()>();
            let (done, waker) = (self.done_tx.clone(), self.waker.clone());
            let spawned = std::thread::Builder::new().name("kea-stdin".into()).spawn(move || {
                while ask_rx.recv().is_ok() {
                    let mut buf = vec![0u8; RCHUNK];
                    let r = loop {
                        match src.read(&mut buf) {
                            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                            r => break r,
                        }
                    };
                    let r = r.map(|n| {
                        buf.truncate(n);
                        buf
                    });
                    if done.send(Done::Stdin(r)).is_err() {
                        return;
                    }
                    let _ = waker.wake();
                }
            });
            if let Err(e) = spawned {
                let msg = format!("read failed: cannot start the stdin reader: {}", os_error_text(&e));
                for (_, w) in std::mem::take(&mut self.stdin.queue) {
                    self.ready.push_back(Completion { waiter: w, result: IoResult::Failed(msg.clone()) });
                }
                return;
            }
            self.stdin.ask = Some(ask_tx);
        }
        if let Some(ask) = &self.stdin.ask {
            if ask.send(()).is_ok() {
                self.stdin.reading = true;
                self.in_flight += 1;
            }
        }
    }

    /// Is a stdin read waiting for the terminal or pipe (nothing else to do but wait)?
    pub fn stdin_waiting(&self) -> bool {
        self.stdin.reading
    }

    /// Hands buffered output to the OS and completes the async writes waiting for that.
    fn flush_out(&mut self) {
        if self.out_pending.is_empty() {
            return;
        }
        let r = self.sink.flush();
        for (w, n) in std::mem::take(&mut self.out_pending) {
            let result = match &r {
                Ok(()) => IoResult::Written(n),
                Err(e) => IoResult::Failed(format!("write failed: {}", os_error_text(e))),
            };
            self.ready.push_back(Completion { waiter: w, result });
        }
    }

    /// The reactor step: flushes, gathers finished work and returns it in completion order.
    /// Waits up to `timeout` (`None`: as long as it takes) when nothing is ready yet.
    pub fn poll(&mut self, timeout: Option<Duration>) -> Vec<Completion> {
        self.flush_out();
        self.drain();
        let sockets = self.net.busy();
        let mut timeout = timeout;
        if let Some(d) = self.net.next_deadline() {
            let left = d.saturating_duration_since(Instant::now());
            timeout = Some(timeout.map_or(left, |t| t.min(left)));
        }
        let wait = self.ready.is_empty() && (self.in_flight > 0 || timeout.is_some() || sockets);
        if wait || sockets {
            let t = if self.ready.is_empty() { timeout } else { Some(Duration::ZERO) };
            if t != Some(Duration::ZERO) {
                // Output must be out before the process sleeps.
                self.flush_sink();
            }
            match t {
                // epoll counts whole milliseconds and mio rounds up: sleep a sub-millisecond
                // wait precisely, and wait the whole milliseconds of a longer one.
                Some(t) if t > Duration::ZERO && t < Duration::from_millis(1) && self.in_flight == 0 && !sockets => {
                    std::thread::sleep(t);
                }
                Some(t) if t >= Duration::from_millis(1) => {
                    let whole = Duration::from_millis(t.as_millis() as u64);
                    let _ = self.poll.poll(&mut self.events, Some(whole));
                }
                t => {
                    let _ = self.poll.poll(&mut self.events, t);
                }
            }
            let reg = self.poll.registry();
            for ev in self.events.iter() {
                if ev.token() != WAKE {
                    self.net.event(reg, ev.token().0 as u32, ev, &mut self.ready);
                }
            }
            self.net.expire(reg, Instant::now(), &mut self.ready);
            self.drain();
        }
        let mut out: Vec<Completion> = self.ready.drain(..).collect();
        out.retain_mut(|c| match c.waiter {
            Waiter::Request(r) if self.cancelled.contains(&r) => {
                self.cancelled.retain(|x| *x != r);
                false
            }
            _ => true,
        });
        if !self.failed_writes.is_empty() {
            // These failures now reach their requests.
            self.failed_writes.retain(|(w, _)| !out.iter().any(|c| c.waiter == *w));
        }
        out
    }

    /// Will nobody hear the outcome of an operation for `waiter`? The runtime's own closes
    /// (of handles the collector freed) have waiter `Task(0)`; a cancelled request's outcome
    /// is dropped; after [`Host::finish`] began, nothing is delivered.
    fn unheard(&self, waiter: Waiter) -> bool {
        match waiter {
            Waiter::Task(0) => true,
            Waiter::Request(r) => self.finishing || self.cancelled.contains(&r),
            Waiter::Task(_) => self.finishing,
        }
    }

    /// Remembers output that was lost with nobody told, once per message.
    fn note_lost(&mut self, m: String) {
        if !self.lost.contains(&m) {
            self.lost.push(m);
        }
    }

    /// Flushes stdout for the runtime's own reasons (before a sleep, a stdin read, at exit):
    /// a failure has no request to go to, so it is kept for [`Host::report_lost`].
    fn flush_sink(&mut self) {
        if let Err(e) = self.sink.flush() {
            self.note_lost(format!("stdout: write failed: {}", os_error_text(&e)));
        }
    }

    /// Flushes everything, then says on stderr what output was lost with no request to
    /// report it (`kea: error: output lost: ...`, one line each). True if any was: the run
    /// must then fail, or a full disk would pass for success.
    pub fn report_lost(&mut self) -> bool {
        self.flush_all();
        if let Some(e) = self.sink.take_error() {
            self.note_lost(format!("stdout: write failed: {}", os_error_text(&e)));
        }
        let lost = std::mem::take(&mut self.lost);
        for m in &lost {
            let _ = self.sink.write(2, format!("kea: error: output lost: {m}\n").as_bytes());
        }
        !lost.is_empty()
    }

    fn drain(&mut self) {
        while let Ok(d) = self.done_rx.try_recv() {
            self.in_flight = self.in_flight.saturating_sub(1);
            match d {
                Done::Ahead { id, gen, offset, result } => {
                    let Some(slot) = self.files.get_mut(&id) else { continue };
                    if slot.gen != gen {
                        if let Ok(v) = result {
                            kea_vm::string::give_buffer(v);
                        }
                        continue;
                    }
                    let Some(p) = slot.prefetch.iter_mut().find(|p| p.offset == offset) else { continue };
                    p.data = Some(result);
                    let front_ready = slot.prefetch.front().is_some_and(|p| p.data.is_some() && p.waiter.is_some());
                    if front_ready {
                        let mut p = slot.prefetch.pop_front().expect("front exists");
                        let (w, count) = (p.waiter.take().expect("waiter"), p.len);
                        if let (Some(state), Some(r)) = (slot.state.as_mut(), p.data.take()) {
                            let r = take_ahead(state, r, count);
                            self.ready.push_back(Completion { waiter: w, result: r });
                            self.start_prefetch(id, count);
                        }
                        self.pump_file(id);
                    }
                }
                Done::File { id, mut state, result, waiter, ahead, writes } => {
                    // A failed write nobody will hear of is lost output; one that will reach
                    // its request is watched in case the request is cancelled first.
                    if let (true, FRes::Failed(m)) = (writes, &result) {
                        let m = format!("'{}': {m}", state.path);
                        if self.unheard(waiter) {
                            self.note_lost(m);
                        } else if let Waiter::Request(_) = waiter {
                            self.failed_writes.push((waiter, m));
                        }
                    }
                    // A full big read of a regular file: read the next chunk ahead.
                    let more = match (&result, ahead) {
                        (FRes::Data(d, false), Some(n)) if d.len() == n && state.regular => Some(n),
                        _ => None,
                    };
                    // A cancelled read gives its bytes back to the handle: nothing is lost.
                    if let (Waiter::Request(r), FRes::Data(data, _)) = (waiter, &result) {
                        if self.cancelled.contains(&r) {
                            let mut back = data.clone();
                            back.extend_from_slice(state.unread());
                            state.rbuf = back;
                            state.rpos = 0;
                        }
                    }
                    self.ready.push_back(Completion { waiter, result: result.into_result() });
                    if let Some(slot) = self.files.get_mut(&id) {
                        slot.state = Some(state);
                        if let Some(n) = more {
                            if slot.queue.is_empty() {
                                self.start_prefetch(id, n);
                            }
                        }
                        self.pump_file(id);
                    }
                }
                Done::Opened { waiter, result } => {
                    let result = match result {
                        Ok((state, path, mode)) => {
                            let id = next_socket_id();
                            self.files.insert(id, FileSlot::new(state));
                            IoResult::Opened { handle: id, path: Str::from(path), mode: Str::from(mode) }
                        }
                        Err(msg) => IoResult::Failed(msg),
                    };
                    self.ready.push_back(Completion { waiter, result });
                }
                Done::Value { waiter, result } => {
                    self.ready.push_back(Completion { waiter, result: result.into_result() })
                }
                Done::Lookup { token, result } => {
                    let Some((op, waiter)) = self.lookups.remove(&token) else { continue };
                    match result.map(|v| v.into_iter().next()) {
                        Ok(Some((addr, _))) => {
                            let op = with_addr(op, Str::from(addr));
                            let reg = self.poll.registry();
                            self.net.submit(reg, op, waiter, &mut next_socket_id, &mut self.ready);
                        }
                        Ok(None) => self.ready.push_back(Completion {
                            waiter,
                            result: IoResult::Failed("getaddrinfo failed: no address".into()),
                        }),
                        Err(e) => self.ready.push_back(Completion { waiter, result: IoResult::Failed(e) }),
                    }
                }
                Done::Addrs { waiter, result, all } => {
                    self.ready.push_back(Completion { waiter, result: addrs(result, all) })
                }
                Done::Stdin(r) => {
                    self.stdin.reading = false;
                    match r {
                        Ok(bytes) if bytes.is_empty() => self.stdin.eof = true,
                        Ok(bytes) => {
                            if self.stdin.pos > 0 {
                                self.stdin.buf.drain(..self.stdin.pos);
                                self.stdin.pos = 0;
                            }
                            self.stdin.buf.extend_from_slice(&bytes);
                        }
                        Err(e) => {
                            let msg = format!("read failed: {}", os_error_text(&e));
                            for (_, w) in std::mem::take(&mut self.stdin.queue) {
                                self.ready.push_back(Completion { waiter: w, result: IoResult::Failed(msg.clone()) });
                            }
                        }
                    }
                    self.stdin_pump();
                }
            }
        }
    }

    /// Cancels the request `r` if it can still be stopped.
    pub fn cancel(&mut self, r: PmcRef) -> CancelOutcome {
        let w = Waiter::Request(r);
        if self.net.cancel(self.poll.registry(), w) {
            return CancelOutcome::NotStarted;
        }
        // A socket op still waiting for its host name has not started and never will: drop
        // it, and `drain` discards the resolver's late answer (a cancelled connect must not
        // open a socket nobody holds).
        if let Some(token) = self.lookups.iter().find(|(_, (_, x))| *x == w).map(|(t, _)| *t) {
            self.lookups.remove(&token);
            return CancelOutcome::NotStarted;
        }
        if let Some(i) = self.stdin.queue.iter().position(|(_, x)| *x == w) {
            self.stdin.queue.remove(i);
            return CancelOutcome::NotStarted;
        }
        for slot in self.files.values_mut() {
            if let Some(i) = slot.queue.iter().position(|(_, x)| *x == w) {
                slot.queue.remove(i);
                return CancelOutcome::NotStarted;
            }
        }
        if let Some(i) = self.ready.iter().position(|c| c.waiter == w) {
            self.ready.remove(i);
            if let Some(j) = self.failed_writes.iter().position(|(x, _)| *x == w) {
                let (_, m) = self.failed_writes.swap_remove(j);
                self.note_lost(m);
            }
            return CancelOutcome::InProgress;
        }
        if let Some(i) = self.out_pending.iter().position(|(x, _)| *x == w) {
            let (_, n) = self.out_pending.remove(i);
            return CancelOutcome::BytesDone(n);
        }
        self.cancelled.push(r);
        CancelOutcome::InProgress
    }

    /// Flushes every buffer, blocking (at exit). Files with operations still in flight are
    /// flushed by their last operation. A failure is kept for [`Host::report_lost`].
    pub fn flush_all(&mut self) {
        self.flush_sink();
        let mut failed = Vec::new();
        for slot in self.files.values_mut() {
            if let Some(st) = slot.state.as_mut() {
                if let Err(e) = st.flush() {
                    failed.push(format!("'{}': write failed: {}", st.path, os_error_text(&e)));
                }
            }
        }
        for m in failed {
            self.note_lost(m);
        }
    }

    /// Waits (bounded) for operations in flight so their writes reach the files, then
    /// flushes everything: nothing written is lost at exit.
    pub fn finish(&mut self) {
        self.finishing = true;
        // Failed writes not yet handed to the scheduler never will be.
        for (_, m) in std::mem::take(&mut self.failed_writes) {
            self.note_lost(m);
        }
        let deadline = Instant::now() + Duration::from_secs(10);
        while self.in_flight > self.stdin.reading as usize && Instant::now() < deadline {
            let _ = self.poll.poll(&mut self.events, Some(Duration::from_millis(50)));
            self.drain();
            // Queued writes still run: start them and let them finish.
            let ids: Vec<u32> = self.files.keys().copied().collect();
            for id in ids {
                self.pump_file(id);
            }
        }
        self.flush_all();
    }
}

/// The host name a socket op's address needs resolved, if any.
fn lookup_of(op: &IoOp) -> Option<(String, u16, i64)> {
    use kea_vm::interp::net::NetOp;
    use kea_vm::pmc::socket::family;
    let inet = |f: i64| if f == family::INET || f == family::INET6 { f } else { 0 };
    match op {
        IoOp::Net(NetOp::Connect { addr, family: f, .. } | NetOp::Bind { addr, family: f, .. }) => {
            crate::net::needs_lookup(&addr.to_text()).map(|(h, p)| (h, p, inet(*f)))
        }
        IoOp::Net(NetOp::SendTo { addr, .. }) => crate::net::needs_lookup(&addr.to_text()).map(|(h, p)| (h, p, 0)),
        _ => None,
    }
}

/// The op with its address replaced by a resolved one.
fn with_addr(op: IoOp, a: Str) -> IoOp {
    use kea_vm::interp::net::NetOp;
    match op {
        IoOp::Net(NetOp::Connect { family, stype, opts, timeout, token, .. }) => {
            IoOp::Net(NetOp::Connect { family, stype, addr: a, opts, timeout, token })
        }
        IoOp::Net(NetOp::Bind { family, stype, opts, .. }) => IoOp::Net(NetOp::Bind { family, stype, addr: a, opts }),
        IoOp::Net(NetOp::SendTo { handle, data, .. }) => IoOp::Net(NetOp::SendTo { handle, data, addr: a }),
        other => other,
    }
}

fn addrs(r: Result<Vec<(String, i64)>, String>, all: bool) -> IoResult {
    match r {
        Ok(v) => IoResult::Addrs { addrs: v.into_iter().map(|(a, f)| (Str::from(a), f)).collect(), all },
        Err(e) => IoResult::Failed(e),
    }
}

/// Reads `len` bytes at `offset` (fewer at the end of the file), moving no position.
fn read_at(f: &File, offset: u64, len: usize) -> Result<Vec<u8>, String> {
    use std::os::unix::fs::FileExt;
    let mut out = kea_vm::string::take_buffer(len);
    out.resize(len, 0);
    let mut got = 0;
    while got < len {
        match f.read_at(&mut out[got..], offset + got as u64) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(format!("read failed: {}", os_error_text(&e))),
        }
    }
    out.truncate(got);
    Ok(out)
}

/// The result of a read served by a read-ahead: the handle's position moves past the bytes.
fn take_ahead(state: &mut FileState, r: Result<Vec<u8>, String>, count: usize) -> IoResult {
    match r {
        Ok(d) => {
            let n = d.len();
            if let Err(e) = state.file.seek(SeekFrom::Current(n as i64)) {
                return IoResult::Failed(format!("read failed: {}", os_error_text(&e)));
            }
            let eof = n < count || state.past_end();
            IoResult::Data { data: Str::from_vec(d, Encoding::Binary), eof }
        }
        Err(e) => IoResult::Failed(e),
    }
}

/// Opens a file with Parrot's mode letters: `r` read, `w` write (truncate), `a` append, `p`
/// pipe (not here), `b` binary (no effect). An empty mode reads.
fn open_file(path: &str, mode: &str) -> Result<(Box<FileState>, String, String), String> {
    let m = mode;
    let (mut read, write, append) = (m.contains('r'), m.contains('w'), m.contains('a'));
    if !write && !append {
        read = true;
    }
    let p = path;
    if m.contains('p') {
        return Err(format!("Unable to open filehandle from path '{p}': pipes are not supported yet"));
    }
    let mut o = OpenOptions::new();
    o.read(read);
    if append {
        o.append(true).create(true);
    } else if write {
        o.write(true).create(true).truncate(true);
    }
    let file = o.open(p).map_err(|e| format!("Unable to open filehandle from path '{p}': {}", os_error_text(&e)))?;
    let regular = file.metadata().map(|m| m.is_file()).unwrap_or(false);
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(format!("Unable to open filehandle from path '{p}': Is a directory(21)"));
    }
    let state = FileState {
        file,
        path: path.to_string(),
        readable: read,
        writable: write || append,
        regular,
        rbuf: Vec::new(),
        rpos: 0,
        wbuf: Vec::with_capacity(if write || append { WBUF } else { 0 }),
    };
    Ok((Box::new(state), path.to_string(), if m.is_empty() { "r".to_string() } else { mode.to_string() }))
}

/// `stat`: one fact about a path or descriptor (`stat.pasm` codes).
fn stat(path: &str, fd: Option<i64>, what: i64) -> FRes {
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    let p = match fd {
        Some(fd) => format!("/dev/fd/{fd}"),
        None => path.to_string(),
    };
    let md = if what == 12 { std::fs::symlink_metadata(&p) } else { std::fs::metadata(&p) };
    let md = match md {
        Ok(m) => m,
        Err(_) if what == 0 => return FRes::Int(0),
        Err(e) => return FRes::Failed(format!("stat failed: {}: {}", p, os_error_text(&e))),
    };
    let ft = md.file_type();
    let v = match what {
        0 => 1,
        1 => md.len() as i64,
        2 => ft.is_dir() as i64,
        3 => ft.is_file() as i64,
        4 => (ft.is_block_device() || ft.is_char_device()) as i64,
        5 | 8 => md.ctime(),
        6 => md.atime(),
        7 => md.mtime(),
        9 => -1,
        10 => md.uid() as i64,
        11 => md.gid() as i64,
        12 => ft.is_symlink() as i64,
        -1 => md.dev() as i64,
        -2 => md.ino() as i64,
        -3 => md.mode() as i64,
        -4 => md.nlink() as i64,
        -5 => md.rdev() as i64,
        -6 => md.blksize() as i64,
        -7 => md.blocks() as i64,
        w => return FRes::Failed(format!("stat: unknown selector {w}")),
    };
    FRes::Int(v)
}
