//! IO ops as requests. The VM never touches the OS: an IO op describes what it wants as an
//! [`IoRequest`], the task stops with [`Step::Io`], and the runtime performs it.
//!
//! - The **sync** form (`read S0, P1, 10`) carries no request PMC: the runtime parks the task
//!   until the work is done (async + wait, DESIGN §2) and delivers the result with
//!   [`Vm::complete_io`].
//! - The **async** form (`read P0, P1, 10, P2`) makes a Request PMC, puts it in its first
//!   register and hands it along: the runtime resumes the task at once and later fills the
//!   request in with [`Vm::finish_request`], which says which callback to run.
//!
//! A `StringHandle` lives in the heap, so its ops are done in the VM (`mem_io`, in
//! `pmc/handle.rs`); an async op on one makes a request that is already complete and tells
//! the scheduler to run its callback ([`SchedCall::Completed`]).

use super::flow::Flow;
use super::{ia, na, sa, Frame, IoDst, SchedCall, Step, Task, Vm};
use crate::error::{types, Exc};
use crate::num;
use crate::op::{IArg, IReg, NArg, NReg, PReg, SArg, SReg, StrId};
use crate::pmc::{Elem, FileHandleData, PVal, PmcData, PmcRef};
use crate::pmc::{ReqState, RequestData};
use crate::string::{Encoding, Str};

/// One IO operation for the runtime, on a host handle id (0 stdin, 1 stdout, 2 stderr,
/// others from `Open`).
#[derive(Debug, Clone)]
pub enum IoOp {
    /// Write bytes.
    Write {
        /// The handle.
        handle: u32,
        /// The bytes.
        data: Str,
    },
    /// Read up to `count` bytes.
    Read {
        /// The handle.
        handle: u32,
        /// The most bytes to return.
        count: usize,
    },
    /// Read one line, keeping its separator.
    ReadLine {
        /// The handle.
        handle: u32,
        /// The record separator (one or more bytes; `\n` by default).
        sep: Str,
    },
    /// Read everything left.
    ReadAll {
        /// The handle.
        handle: u32,
    },
    /// The next byte, not consumed.
    Peek {
        /// The handle.
        handle: u32,
    },
    /// Open a file; the result is a new handle.
    Open {
        /// The path.
        path: Str,
        /// Parrot's mode letters (`r w a p b`).
        mode: Str,
    },
    /// Close a handle (flushing it first); its pending requests complete as cancelled.
    Close {
        /// The handle.
        handle: u32,
    },
    /// Flush a handle's buffer.
    Flush {
        /// The handle.
        handle: u32,
    },
    /// Move the position; the result is the new position.
    Seek {
        /// The handle.
        handle: u32,
        /// The offset.
        offset: i64,
        /// 0 from the start, 1 from the current position, 2 from the end.
        whence: i64,
    },
    /// The position.
    Tell {
        /// The handle.
        handle: u32,
    },
    /// One fact about a file (`stat.pasm` codes).
    Stat {
        /// A path, or an open descriptor number when `fd` is set.
        path: Str,
        /// The descriptor, for `stat I, I, I`.
        fd: Option<i64>,
        /// What to report.
        what: i64,
    },
    /// Is the handle a terminal?
    IsATty {
        /// The handle.
        handle: u32,
    },
    /// A socket operation.
    Net(super::net::NetOp),
    /// A handle for an inherited descriptor.
    FdOpen {
        /// The descriptor.
        fd: i64,
        /// The mode.
        mode: Str,
    },
}

impl IoOp {
    /// The handle it works on, if any.
    pub fn handle(&self) -> Option<u32> {
        match self {
            IoOp::Write { handle, .. }
            | IoOp::Read { handle, .. }
            | IoOp::ReadLine { handle, .. }
            | IoOp::ReadAll { handle }
            | IoOp::Peek { handle }
            | IoOp::Close { handle }
            | IoOp::Flush { handle }
            | IoOp::Seek { handle, .. }
            | IoOp::Tell { handle }
            | IoOp::IsATty { handle } => Some(*handle),
            IoOp::Net(n) => n.handle(),
            IoOp::Open { .. } | IoOp::Stat { .. } | IoOp::FdOpen { .. } => None,
        }
    }
    /// A short name for traces and statistics.
    pub fn kind(&self) -> &'static str {
        match self {
            IoOp::Write { .. } => "write",
            IoOp::Read { .. } => "read",
            IoOp::ReadLine { .. } => "readline",
            IoOp::ReadAll { .. } => "readall",
            IoOp::Peek { .. } => "peek",
            IoOp::Open { .. } => "open",
            IoOp::Close { .. } => "close",
            IoOp::Flush { .. } => "flush",
            IoOp::Seek { .. } => "seek",
            IoOp::Tell { .. } => "tell",
            IoOp::Stat { .. } => "stat",
            IoOp::IsATty { .. } => "isatty",
            IoOp::FdOpen { .. } => "fdopen",
            IoOp::Net(n) => n.kind(),
        }
    }
}

/// What an IO op asks of the runtime: the operation, and for the async form its request.
#[derive(Debug, Clone)]
pub struct IoRequest {
    /// The operation.
    pub op: IoOp,
    /// The Request PMC (async form); `None` for the sync form, which parks the task.
    pub request: Option<PmcRef>,
}

/// What the runtime reports back.
#[derive(Debug, Clone)]
pub enum IoResult {
    /// Done, nothing to deliver.
    Done,
    /// Data read; `eof` when the handle reached end of file.
    Data {
        /// The bytes read (empty at end of file).
        data: Str,
        /// End of file reached.
        eof: bool,
    },
    /// A new handle from `Open`.
    Opened {
        /// The host's handle id.
        handle: u32,
        /// The path opened.
        path: Str,
        /// The mode.
        mode: Str,
    },
    /// A value (a position, a stat fact, a message, a task).
    Value(Elem),
    /// The operation failed; the message is what the program's exception says.
    Failed(String),
    /// The request was cancelled before it completed.
    Cancelled,
    /// A socket: `connect`/`bind` made it for the Socket it was called on, `accept` for a
    /// new Socket.
    Sock {
        /// The runtime's socket id.
        id: u32,
        /// A new connection from `accept`.
        accepted: bool,
    },
    /// Resolved addresses, with their `PIO_PF_*` family.
    Addrs {
        /// The addresses.
        addrs: Vec<(Str, i64)>,
        /// All of them (`getaddrinfo`) rather than the first (`sockaddr`).
        all: bool,
    },
    /// A datagram and its sender.
    Datagram {
        /// The bytes.
        data: Str,
        /// The sender's address.
        from: Str,
    },
    /// TLS is now on for the socket.
    Tls,
    /// A write is done: this many bytes were handed to the OS.
    Written(u64),
}

/// Where `P(dst)` of a handle op points.
pub(crate) enum Target {
    /// A runtime handle.
    Host(u32),
    /// A StringHandle in the heap.
    Mem(PmcRef),
}

impl Vm {
    /// Delivers the result of the task's pending sync IO op (or scheduler call). A failure
    /// raises a catchable exception in the task at the op; if nothing catches it, the
    /// returned step ends the task.
    pub fn complete_io(&mut self, task: &mut Task, result: IoResult) -> Result<(), Step> {
        let dst = task.io_dst.take().unwrap_or(IoDst::None);
        let result = match dst {
            IoDst::Rets(Some(h)) if matches!(self.heap.get(h), PmcData::Socket(_)) => self.net_result(Some(h), result),
            _ => result,
        };
        let value = match result {
            IoResult::Failed(msg) => {
                // The op failed: report it at the op, not after it.
                if let Some(f) = task.frames.last_mut() {
                    f.pc = f.pc.saturating_sub(1);
                }
                return self.raise(task, Exc::new(types::EXCEPTION_PIO_ERROR, msg));
            }
            IoResult::Cancelled => {
                if let Some(f) = task.frames.last_mut() {
                    f.pc = f.pc.saturating_sub(1);
                }
                return self.raise(task, Exc::new(types::EXCEPTION_PIO_ERROR, "IO operation cancelled"));
            }
            IoResult::Done | IoResult::Written(_) => Elem::P(None),
            IoResult::Data { data, eof } => match dst {
                IoDst::S(_, Some(h)) | IoDst::Rets(Some(h)) => {
                    self.heap.note_bytes(data.as_bytes().len());
                    self.set_eof(h, eof);
                    Elem::S(self.decode(h, data))
                }
                _ => Elem::S(data),
            },
            // `FileHandle.open` reopens the PMC it was called on.
            IoResult::Opened { handle, path, mode } => match dst {
                IoDst::Rets(Some(h)) if matches!(self.heap.get(h), PmcData::FileHandle(_)) => {
                    if let PmcData::FileHandle(fh) = self.heap.get_mut(h) {
                        **fh = FileHandleData { sep: fh.sep.clone(), ..FileHandleData::new(handle, path, mode) };
                    }
                    Elem::P(Some(h))
                }
                _ => Elem::P(Some(self.new_file_handle(handle, path, mode))),
            },
            IoResult::Value(e) => e,
            other => {
                let other = self.net_result(None, other);
                match other {
                    IoResult::Value(e) => e,
                    _ => Elem::P(None),
                }
            }
        };
        let Some(f) = task.frames.last_mut() else { return Ok(()) };
        match (dst, value) {
            (IoDst::None, _) => {}
            (IoDst::S(r, _), v) => f.s[r as usize] = self.heap.elem_str(&v).unwrap_or_default(),
            (IoDst::I(r), v) => f.i[r as usize] = self.heap.elem_int(&v).unwrap_or(0),
            (IoDst::P(r), Elem::P(p)) => f.p[r as usize] = p,
            (IoDst::P(r), v) => f.p[r as usize] = self.heap.boxed(v),
            (IoDst::Rets(_), Elem::P(None)) if matches!(dst, IoDst::Rets(_)) => {
                task.rets.clear();
                task.rets_named.clear();
            }
            (IoDst::Rets(_), v) => {
                task.rets.clear();
                task.rets_named.clear();
                task.rets.push(v);
            }
        }
        Ok(())
    }

    /// Completes the async request `req` with `result`. Returns the sub to run with the
    /// request as its argument (its callback, or its error callback when it failed and has
    /// one), or `None`. A request that is no longer pending is left alone: a request
    /// completes exactly once.
    pub fn finish_request(&mut self, req: PmcRef, result: IoResult) -> Option<PmcRef> {
        let handle = match self.heap.get(req) {
            PmcData::Request(q) if q.state == ReqState::Pending => q.handle,
            _ => return None,
        };
        let result = match handle {
            Some(h) if matches!(self.heap.get(h), PmcData::Socket(_)) => self.net_result(Some(h), result),
            _ => self.net_result(None, result),
        };
        let (state, value, error, bytes) = match result {
            IoResult::Failed(msg) => {
                let e = self.exception_pmc(Exc::new(types::EXCEPTION_PIO_ERROR, msg));
                (ReqState::Failed, None, Some(e), 0)
            }
            IoResult::Cancelled => (ReqState::Cancelled, None, None, 0),
            IoResult::Done => (ReqState::Done, None, None, 0),
            IoResult::Written(n) => (ReqState::Done, None, None, n),
            IoResult::Data { data, eof } => {
                let data = match handle {
                    Some(h) => {
                        self.set_eof(h, eof);
                        self.decode(h, data)
                    }
                    None => data,
                };
                let n = data.as_bytes().len() as u64;
                self.heap.note_bytes(n as usize);
                (ReqState::Done, Some(self.heap.alloc(PmcData::String(data))), None, n)
            }
            IoResult::Opened { handle, path, mode } => {
                let fh = match handle_pmc_closed(self, handle_of(self, req)) {
                    Some(h) => {
                        if let PmcData::FileHandle(fh) = self.heap.get_mut(h) {
                            **fh = FileHandleData { sep: fh.sep.clone(), ..FileHandleData::new(handle, path, mode) };
                        }
                        h
                    }
                    None => self.new_file_handle(handle, path, mode),
                };
                (ReqState::Done, Some(fh), None, 0)
            }
            IoResult::Value(Elem::P(p)) => (ReqState::Done, p, None, 0),
            IoResult::Value(v) => (ReqState::Done, self.heap.boxed(v), None, 0),
            _ => (ReqState::Done, None, None, 0),
        };
        let PmcData::Request(q) = self.heap.get_mut(req) else { return None };
        self.requests_completed += 1;
        q.state = state;
        q.result = value;
        q.error = error;
        if bytes > 0 {
            q.bytes = bytes;
        }
        match state {
            ReqState::Failed => q.error_callback.or(q.callback),
            ReqState::Done => q.callback,
            _ => None,
        }
    }

    /// Records that a write request moved `bytes` bytes (for `--trace-io` and `cancel`).
    pub fn request_bytes(&mut self, req: PmcRef, bytes: u64) {
        if let PmcData::Request(q) = self.heap.get_mut(req) {
            q.bytes = bytes;
        }
    }

    /// The request's id, op name and state, if `p` is a Request.
    pub fn request_info(&self, p: PmcRef) -> Option<(u64, &'static str, ReqState)> {
        match self.heap.get(p) {
            PmcData::Request(q) => Some((q.id, q.op, q.state)),
            _ => None,
        }
    }

    /// Data read from a handle is binary unless its encoding is utf8 (DESIGN §2, "strings").
    fn decode(&self, h: PmcRef, data: Str) -> Str {
        match self.heap.get(h) {
            PmcData::FileHandle(fh) if fh.utf8 && data.encoding() == Encoding::Binary => {
                Str::from_vec(data.as_bytes().to_vec(), Encoding::Utf8)
            }
            _ => data,
        }
    }

    fn set_eof(&mut self, h: PmcRef, eof: bool) {
        if let PmcData::FileHandle(fh) = self.heap.get_mut(h) {
            fh.eof = eof;
        }
    }

    fn new_file_handle(&mut self, id: u32, path: Str, mode: Str) -> PmcRef {
        self.heap.note_bytes(crate::pmc::HANDLE_WEIGHT);
        self.heap.alloc(PmcData::FileHandle(Box::new(FileHandleData::new(id, path, mode))))
    }

    /// A new pending request PMC for an async op; the callback must be null or a Sub.
    pub(crate) fn new_request(&mut self, op: &'static str, cb: PVal, handle: PVal) -> Result<PmcRef, Exc> {
        match cb.map(|c| self.heap.get(c)) {
            None | Some(PmcData::Sub(..)) => {}
            Some(d) => {
                return Err(Exc::new(
                    types::EXCEPTION_INVALID_OPERATION,
                    format!("{op}: the callback must be a Sub or null, not {}", d.class_name()),
                ))
            }
        }
        self.next_request += 1;
        Ok(self.heap.alloc(PmcData::Request(Box::new(RequestData::new(self.next_request, op, cb, handle)))))
    }

    /// The FileHandle PMC for stdin (0), stdout (1) or stderr (2).
    // Kept out of the dispatch loop: inlined, it costs the hot ops (bench/mops_intval).
    #[inline(never)]
    pub(super) fn std_handle(&mut self, fd: usize) -> PmcRef {
        if let Some(p) = self.std_handles[fd] {
            return p;
        }
        let (path, mode) = match fd {
            0 => ("stdin", "r"),
            1 => ("stdout", "w"),
            _ => ("stderr", "w"),
        };
        let p = self.new_file_handle(fd as u32, Str::from(path), Str::from(mode));
        self.std_handles[fd] = Some(p);
        p
    }

    pub(crate) fn target(&self, p: PVal, open: bool) -> Result<Target, Exc> {
        match p.map(|r| (r, self.heap.get(r))) {
            Some((_, PmcData::FileHandle(h))) => {
                if open && h.closed {
                    Err(Exc::new(types::EXCEPTION_PIO_ERROR, "IO operation on a closed filehandle"))
                } else {
                    Ok(Target::Host(h.id))
                }
            }
            Some((r, PmcData::StringHandle(h))) => {
                if open && h.closed {
                    Err(Exc::new(types::EXCEPTION_PIO_ERROR, "IO operation on a closed StringHandle"))
                } else {
                    Ok(Target::Mem(r))
                }
            }
            Some((_, d)) => Err(Exc::new(types::EXCEPTION_PIO_ERROR, format!("{} is not a handle", d.class_name()))),
            None => Err(Exc::null_access("IO")),
        }
    }

    /// The text `print`/`say` write for a PMC. A null PMC throws, as in Parrot: `say` checks
    /// for it ("Null PMC in say", `src/ops/io.ops`); `print` and `printerr` just ask it for
    /// its string ("Null PMC access in get_string()").
    fn print_string(&self, p: PVal, op: &str) -> Result<Str, Exc> {
        if p.is_none() {
            return Err(match op {
                "say" => Exc::new(types::EXCEPTION_UNEXPECTED_NULL, "Null PMC in say"),
                _ => Exc::null_access("get_string"),
            });
        }
        self.heap.get_string(p)
    }

    /// Starts a sync IO op on `p`: a StringHandle is served at once (the result goes to
    /// `dst` through [`Vm::complete_io`]'s rules); a host handle becomes a request.
    fn sync_io(
        &mut self,
        io_dst: &mut Option<IoDst>,
        f: &mut Frame,
        p: PVal,
        dst: IoDst,
        op: impl FnOnce(u32) -> IoOp,
    ) -> IoStep {
        match self.target(p, true) {
            Err(e) => Err(e),
            Ok(Target::Host(id)) => {
                *io_dst = Some(dst);
                Ok(Some(Step::Io(IoRequest { op: op(id), request: None })))
            }
            Ok(Target::Mem(h)) => {
                let r = self.mem_io(h, op(u32::MAX))?;
                self.deliver_now(f, dst, r)?;
                Ok(None)
            }
        }
    }

    /// Puts an immediate result into the frame (StringHandle ops, done without the host).
    fn deliver_now(&mut self, f: &mut Frame, dst: IoDst, r: IoResult) -> Result<(), Exc> {
        let v = match r {
            IoResult::Data { data, .. } => Elem::S(data),
            IoResult::Value(v) => v,
            _ => Elem::P(None),
        };
        match dst {
            IoDst::S(reg, _) => f.s[reg as usize] = self.heap.elem_str(&v)?,
            IoDst::I(reg) => f.i[reg as usize] = self.heap.elem_int(&v)?,
            IoDst::P(reg) => f.p[reg as usize] = self.heap.boxed(v),
            IoDst::None | IoDst::Rets(_) => {}
        }
        Ok(())
    }

    /// Starts an async IO op: makes its request in `P(req)`; a StringHandle op completes at
    /// once.
    fn async_io(
        &mut self,
        f: &mut Frame,
        req: u16,
        cb: PVal,
        p: PVal,
        name: &'static str,
        op: impl FnOnce(u32) -> IoOp,
    ) -> IoStep {
        // Handle errors (closed, not a handle) fail the request rather than throw: the async
        // form reports through the request (DESIGN §2, "errors").
        let target = self.target(p, true);
        let r = self.new_request(name, cb, p)?;
        f.p[req as usize] = Some(r);
        match target {
            Err(e) => {
                self.finish_request(r, IoResult::Failed(e.message));
                Ok(Some(Step::Sched(SchedCall::Completed(r))))
            }
            Ok(Target::Host(id)) => Ok(Some(Step::Io(IoRequest { op: op(id), request: Some(r) }))),
            Ok(Target::Mem(h)) => {
                let res = match self.mem_io(h, op(u32::MAX)) {
                    Ok(res) => res,
                    Err(e) => IoResult::Failed(e.message),
                };
                self.finish_request(r, res);
                Ok(Some(Step::Sched(SchedCall::Completed(r))))
            }
        }
    }

    /// An async op that needs no handle (`print` to stdout, `open`, `stat`).
    fn async_host(&mut self, f: &mut Frame, req: u16, cb: PVal, name: &'static str, op: IoOp) -> IoStep {
        let handle = op.handle().filter(|h| *h <= 2).map(|h| self.std_handle(h as usize));
        let r = self.new_request(name, cb, handle)?;
        f.p[req as usize] = Some(r);
        Ok(Some(Step::Io(IoRequest { op, request: Some(r) })))
    }

    /// `close`: marks the PMC closed and closes the host handle (closing twice is a no-op).
    fn close(&mut self, io_dst: &mut Option<IoDst>, f: &mut Frame, h: PVal) -> IoStep {
        let was_open = match h.map(|r| self.heap.get(r)) {
            Some(PmcData::FileHandle(fh)) => !fh.closed,
            Some(PmcData::StringHandle(sh)) => !sh.closed,
            _ => true,
        };
        if !was_open {
            return Ok(None);
        }
        let r = self.sync_io(io_dst, f, h, IoDst::None, |id| IoOp::Close { handle: id });
        self.mark_closed(h);
        r
    }

    pub(crate) fn mark_closed(&mut self, h: PVal) {
        if let Some(PmcData::FileHandle(fh)) = h.map(|r| self.heap.get_mut(r)) {
            fh.closed = true;
        }
    }

    /// The record separator `readline` uses on `h`.
    fn record_separator(&self, h: PVal) -> Str {
        match h.map(|r| self.heap.get(r)) {
            Some(PmcData::FileHandle(fh)) => fh.sep.clone(),
            _ => Str::from("\n"),
        }
    }
}

/// The handle a request works on.
fn handle_of(vm: &Vm, req: PmcRef) -> PVal {
    match vm.heap.get(req) {
        PmcData::Request(q) => q.handle,
        _ => None,
    }
}

/// `h` if it is a closed FileHandle (an async `FileHandle.open` reopens its own PMC).
fn handle_pmc_closed(vm: &Vm, h: PVal) -> Option<PmcRef> {
    match h.map(|r| (r, vm.heap.get(r))) {
        Some((r, PmcData::FileHandle(fh))) if fh.closed => Some(r),
        _ => None,
    }
}

/// The outcome of an IO op: leave the loop with a step, go on, or raise.
pub(super) type IoStep = Result<Option<Step>, Exc>;

fn read_count(n: i64) -> Result<usize, Exc> {
    usize::try_from(n).map_err(|_| {
        Exc::new(types::EXCEPTION_INVALID_ARGUMENT, format!("Cannot read a negative number of bytes ({n})"))
    })
}

/// The running frame and where a sync op's result goes.
fn parts(t: &mut Task) -> (&mut Frame, &mut Option<IoDst>) {
    let Task { frames, io_dst, .. } = t;
    match frames.last_mut() {
        Some(f) => (f, io_dst),
        None => unreachable!("an op runs in a frame"),
    }
}

/// A sync write to stdout (1) or stderr (2): the task waits for it.
fn write(handle: u32, data: Str) -> Flow {
    Flow::Leave(Step::Io(IoRequest { op: IoOp::Write { handle, data }, request: None }))
}

/// `s` and a newline.
fn nl(s: Str) -> Str {
    s.concat(&Str::from("\n"))
}

/// A P register's value.
fn p(f: &Frame, r: PReg) -> PVal {
    f.p[r.0 as usize]
}

/// Sync writes to stdout or stderr (`print S`): `name(src) handle: text`.
macro_rules! std_write {
    ($($name:ident($src:ident: $ty:ty) $h:literal: |$vm:ident, $f:ident| $text:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: a sync write to handle ", stringify!($h), ".")]
        #[allow(unused_variables)]
        pub(super) fn $name($vm: &mut Vm, $f: &mut Frame, $src: $ty) -> Flow {
            match $text {
                Ok(s) => write($h, s),
                Err(e) => Flow::Raise(e),
            }
        }
    )*};
}

std_write! {
    print_i(src: IReg) 1: |vm, f| Ok(Str::from(f.i[src.0 as usize].to_string()));
    print_ic(src: i64) 1: |vm, f| Ok(Str::from(src.to_string()));
    print_n(src: NReg) 1: |vm, f| Ok(Str::from(num::fmt_print(f.n[src.0 as usize])));
    print_nc(src: f64) 1: |vm, f| Ok(Str::from(num::fmt_print(src)));
    print_s(src: SReg) 1: |vm, f| Ok(f.s[src.0 as usize].clone());
    print_sc(src: StrId) 1: |vm, f| Ok(f.code.str(src).clone());
    print_p(src: PReg) 1: |vm, f| vm.print_string(p(f, src), "print");
    say_i(src: IReg) 1: |vm, f| Ok(Str::from(format!("{}\n", f.i[src.0 as usize])));
    say_ic(src: i64) 1: |vm, f| Ok(Str::from(format!("{src}\n")));
    say_n(src: NReg) 1: |vm, f| Ok(Str::from(format!("{}\n", num::fmt_print(f.n[src.0 as usize]))));
    say_nc(src: f64) 1: |vm, f| Ok(Str::from(format!("{}\n", num::fmt_print(src))));
    say_s(src: SReg) 1: |vm, f| Ok(nl(f.s[src.0 as usize].clone()));
    say_sc(src: StrId) 1: |vm, f| Ok(nl(f.code.str(src).clone()));
    say_p(src: PReg) 1: |vm, f| vm.print_string(p(f, src), "say").map(nl);
    printerr_i(src: IReg) 2: |vm, f| Ok(Str::from(f.i[src.0 as usize].to_string()));
    printerr_ic(src: i64) 2: |vm, f| Ok(Str::from(src.to_string()));
    printerr_n(src: NReg) 2: |vm, f| Ok(Str::from(num::fmt_print(f.n[src.0 as usize])));
    printerr_nc(src: f64) 2: |vm, f| Ok(Str::from(num::fmt_print(src)));
    printerr_s(src: SReg) 2: |vm, f| Ok(f.s[src.0 as usize].clone());
    printerr_sc(src: StrId) 2: |vm, f| Ok(f.code.str(src).clone());
    printerr_p(src: PReg) 2: |vm, f| vm.print_string(p(f, src), "printerr");
}

/// Sync writes to a handle (`print P, S`): `name(src): text`.
macro_rules! handle_write {
    ($($name:ident($src:ident: $ty:ty): |$vm:ident, $f:ident| $text:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: a sync write to a handle.")]
        pub(super) fn $name($vm: &mut Vm, t: &mut Task, handle: PReg, $src: $ty) -> Flow {
            let ($f, io_dst) = parts(t);
            let s = match $text {
                Ok(s) => s,
                Err(e) => return Flow::Raise(e),
            };
            let h = p($f, handle);
            $vm.sync_io(io_dst, $f, h, IoDst::None, |h| IoOp::Write { handle: h, data: s }).into()
        }
    )*};
}

handle_write! {
    print_p_i(src: IArg): |vm, f| Ok(Str::from(ia(f, src).to_string()));
    print_p_n(src: NArg): |vm, f| Ok(Str::from(num::fmt_str(na(f, src))));
    print_p_s(src: SArg): |vm, f| Ok(sa(f, src));
    write_p_s(src: SArg): |vm, f| Ok(sa(f, src));
    print_p_p(src: PReg): |vm, f| vm.print_string(p(f, src), "print");
    say_p_i(src: IArg): |vm, f| Ok(Str::from(format!("{}\n", ia(f, src))));
    say_p_n(src: NArg): |vm, f| Ok(Str::from(format!("{}\n", num::fmt_str(na(f, src)))));
    say_p_s(src: SArg): |vm, f| Ok(nl(sa(f, src)));
    say_p_p(src: PReg): |vm, f| vm.print_string(p(f, src), "say").map(nl);
}

/// Async writes to stdout or stderr (`print P, S, P`): `name(src) handle "request name": text`.
macro_rules! std_write_async {
    ($($name:ident($src:ident: $ty:ty) $h:literal $what:literal: |$vm:ident, $f:ident| $text:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: an async write to handle ", stringify!($h), ".")]
        pub(super) fn $name($vm: &mut Vm, $f: &mut Frame, req: PReg, $src: $ty, cb: PReg) -> Flow {
            match $text {
                Ok(s) => $vm.async_host($f, req.0, p($f, cb), $what, IoOp::Write { handle: $h, data: s }).into(),
                Err(e) => Flow::Raise(e),
            }
        }
    )*};
}

std_write_async! {
    print_p_i_p(src: IArg) 1 "print": |vm, f| Ok(Str::from(ia(f, src).to_string()));
    print_p_n_p(src: NArg) 1 "print": |vm, f| Ok(Str::from(num::fmt_print(na(f, src))));
    print_p_s_p(src: SArg) 1 "print": |vm, f| Ok(sa(f, src));
    print_p_p_p(src: PReg) 1 "print": |vm, f| vm.print_string(p(f, src), "print");
    say_p_i_p(src: IArg) 1 "say": |vm, f| Ok(Str::from(format!("{}\n", ia(f, src))));
    say_p_n_p(src: NArg) 1 "say": |vm, f| Ok(Str::from(format!("{}\n", num::fmt_print(na(f, src)))));
    say_p_s_p(src: SArg) 1 "say": |vm, f| Ok(nl(sa(f, src)));
    say_p_p_p(src: PReg) 1 "say": |vm, f| vm.print_string(p(f, src), "say").map(nl);
    printerr_p_i_p(src: IArg) 2 "printerr": |vm, f| Ok(Str::from(ia(f, src).to_string()));
    printerr_p_n_p(src: NArg) 2 "printerr": |vm, f| Ok(Str::from(num::fmt_print(na(f, src))));
    printerr_p_s_p(src: SArg) 2 "printerr": |vm, f| Ok(sa(f, src));
    printerr_p_p_p(src: PReg) 2 "printerr": |vm, f| vm.print_string(p(f, src), "printerr");
}

/// Async writes to a handle (`print P, P, S, P`): `name(src) "request name": text`.
macro_rules! handle_write_async {
    ($($name:ident($src:ident: $ty:ty) $what:literal: |$vm:ident, $f:ident| $text:expr;)*) => {$(
        #[doc = concat!("`", stringify!($name), "`: an async write to a handle.")]
        pub(super) fn $name($vm: &mut Vm, $f: &mut Frame, req: PReg, handle: PReg, $src: $ty, cb: PReg) -> Flow {
            match $text {
                Ok(s) => {
                    let (cb, h) = (p($f, cb), p($f, handle));
                    $vm.async_io($f, req.0, cb, h, $what, |h| IoOp::Write { handle: h, data: s }).into()
                }
                Err(e) => Flow::Raise(e),
            }
        }
    )*};
}

handle_write_async! {
    print_p_p_i_p(src: IArg) "print": |vm, f| Ok(Str::from(ia(f, src).to_string()));
    print_p_p_n_p(src: NArg) "print": |vm, f| Ok(Str::from(num::fmt_str(na(f, src))));
    print_p_p_s_p(src: SArg) "print": |vm, f| Ok(sa(f, src));
    write_p_p_s_p(src: SArg) "write": |vm, f| Ok(sa(f, src));
    print_p_p_p_p(src: PReg) "print": |vm, f| vm.print_string(p(f, src), "print");
    say_p_p_s_p(src: SArg) "say": |vm, f| Ok(nl(sa(f, src)));
}

/// `getstdin P`
pub(super) fn getstdin_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    f.p[dst.0 as usize] = Some(vm.std_handle(0));
    Flow::Next
}

/// `getstdout P`
pub(super) fn getstdout_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    f.p[dst.0 as usize] = Some(vm.std_handle(1));
    Flow::Next
}

/// `getstderr P`
pub(super) fn getstderr_p(vm: &mut Vm, f: &mut Frame, dst: PReg) -> Flow {
    f.p[dst.0 as usize] = Some(vm.std_handle(2));
    Flow::Next
}

/// A sync request whose result goes to `dst`: the task waits for it.
fn wait_for(io_dst: &mut Option<IoDst>, dst: IoDst, op: IoOp) -> Flow {
    *io_dst = Some(dst);
    Flow::Leave(Step::Io(IoRequest { op, request: None }))
}

/// `open P, S`: for reading.
pub(super) fn open_p_s(_: &mut Vm, t: &mut Task, dst: PReg, path: SArg) -> Flow {
    let (f, io_dst) = parts(t);
    wait_for(io_dst, IoDst::P(dst.0), IoOp::Open { path: sa(f, path), mode: Str::from("r") })
}

/// `open P, S, S`
pub(super) fn open_p_s_s(_: &mut Vm, t: &mut Task, dst: PReg, path: SArg, mode: SArg) -> Flow {
    let (f, io_dst) = parts(t);
    wait_for(io_dst, IoDst::P(dst.0), IoOp::Open { path: sa(f, path), mode: sa(f, mode) })
}

/// `open P, S, S, P`
pub(super) fn open_p_s_s_p(vm: &mut Vm, f: &mut Frame, req: PReg, path: SArg, mode: SArg, cb: PReg) -> Flow {
    let op = IoOp::Open { path: sa(f, path), mode: sa(f, mode) };
    vm.async_host(f, req.0, p(f, cb), "open", op).into()
}

/// `fdopen P, I, S`
pub(super) fn fdopen_p_i_s(_: &mut Vm, t: &mut Task, dst: PReg, fd: IArg, mode: SArg) -> Flow {
    let (f, io_dst) = parts(t);
    wait_for(io_dst, IoDst::P(dst.0), IoOp::FdOpen { fd: ia(f, fd), mode: sa(f, mode) })
}

/// `close P`
pub(super) fn close_p(vm: &mut Vm, t: &mut Task, handle: PReg) -> Flow {
    let (f, io_dst) = parts(t);
    vm.close(io_dst, f, p(f, handle)).into()
}

/// `close P, P, P`
pub(super) fn close_p_p_p(vm: &mut Vm, f: &mut Frame, req: PReg, handle: PReg, cb: PReg) -> Flow {
    let h = p(f, handle);
    let r = vm.async_io(f, req.0, p(f, cb), h, "close", |id| IoOp::Close { handle: id });
    vm.mark_closed(h);
    r.into()
}

/// `read S, I`: from stdin.
pub(super) fn read_s_i(vm: &mut Vm, t: &mut Task, dst: SReg, count: IArg) -> Flow {
    let (f, io_dst) = parts(t);
    match read_count(ia(f, count)) {
        Ok(n) => {
            let h = vm.std_handle(0);
            vm.sync_io(io_dst, f, Some(h), IoDst::S(dst.0, Some(h)), |id| IoOp::Read { handle: id, count: n }).into()
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `read S, P, I`
pub(super) fn read_s_p_i(vm: &mut Vm, t: &mut Task, dst: SReg, handle: PReg, count: IArg) -> Flow {
    let (f, io_dst) = parts(t);
    match read_count(ia(f, count)) {
        Ok(n) => {
            let h = p(f, handle);
            vm.sync_io(io_dst, f, h, IoDst::S(dst.0, h), |id| IoOp::Read { handle: id, count: n }).into()
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `read P, I, P`: from stdin, async.
pub(super) fn read_p_i_p(vm: &mut Vm, f: &mut Frame, req: PReg, count: IArg, cb: PReg) -> Flow {
    match read_count(ia(f, count)) {
        Ok(n) => {
            let h = Some(vm.std_handle(0));
            vm.async_io(f, req.0, p(f, cb), h, "read", |id| IoOp::Read { handle: id, count: n }).into()
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `read P, P, I, P`
pub(super) fn read_p_p_i_p(vm: &mut Vm, f: &mut Frame, req: PReg, handle: PReg, count: IArg, cb: PReg) -> Flow {
    match read_count(ia(f, count)) {
        Ok(n) => {
            let h = p(f, handle);
            vm.async_io(f, req.0, p(f, cb), h, "read", |id| IoOp::Read { handle: id, count: n }).into()
        }
        Err(e) => Flow::Raise(e),
    }
}

/// `readline S, P`
pub(super) fn readline_s_p(vm: &mut Vm, t: &mut Task, dst: SReg, handle: PReg) -> Flow {
    let (f, io_dst) = parts(t);
    let h = p(f, handle);
    let sep = vm.record_separator(h);
    vm.sync_io(io_dst, f, h, IoDst::S(dst.0, h), |id| IoOp::ReadLine { handle: id, sep }).into()
}

/// `readline P, P, P`
pub(super) fn readline_p_p_p(vm: &mut Vm, f: &mut Frame, req: PReg, handle: PReg, cb: PReg) -> Flow {
    let h = p(f, handle);
    let sep = vm.record_separator(h);
    vm.async_io(f, req.0, p(f, cb), h, "readline", |id| IoOp::ReadLine { handle: id, sep }).into()
}

/// `peek S`: from stdin.
pub(super) fn peek_s(vm: &mut Vm, t: &mut Task, dst: SReg) -> Flow {
    let (f, io_dst) = parts(t);
    let h = vm.std_handle(0);
    vm.sync_io(io_dst, f, Some(h), IoDst::S(dst.0, None), |id| IoOp::Peek { handle: id }).into()
}

/// `peek S, P`
pub(super) fn peek_s_p(vm: &mut Vm, t: &mut Task, dst: SReg, handle: PReg) -> Flow {
    let (f, io_dst) = parts(t);
    vm.sync_io(io_dst, f, p(f, handle), IoDst::S(dst.0, None), |id| IoOp::Peek { handle: id }).into()
}

/// `seek P, I, I`
pub(super) fn seek_p_i_i(vm: &mut Vm, t: &mut Task, handle: PReg, offset: IArg, whence: IArg) -> Flow {
    let (f, io_dst) = parts(t);
    let (offset, whence) = (ia(f, offset), ia(f, whence));
    let h = p(f, handle);
    vm.sync_io(io_dst, f, h, IoDst::None, |id| IoOp::Seek { handle: id, offset, whence }).into()
}

/// `seek P, P, I, I, P`
pub(super) fn seek_p_p_i_i_p(
    vm: &mut Vm,
    f: &mut Frame,
    req: PReg,
    handle: PReg,
    offset: IArg,
    whence: IArg,
    cb: PReg,
) -> Flow {
    let (offset, whence) = (ia(f, offset), ia(f, whence));
    let h = p(f, handle);
    vm.async_io(f, req.0, p(f, cb), h, "seek", |id| IoOp::Seek { handle: id, offset, whence }).into()
}

/// `tell I, P`
pub(super) fn tell_i_p(vm: &mut Vm, t: &mut Task, dst: IReg, handle: PReg) -> Flow {
    let (f, io_dst) = parts(t);
    vm.sync_io(io_dst, f, p(f, handle), IoDst::I(dst.0), |id| IoOp::Tell { handle: id }).into()
}

/// `tell P, P, P`
pub(super) fn tell_p_p_p(vm: &mut Vm, f: &mut Frame, req: PReg, handle: PReg, cb: PReg) -> Flow {
    let h = p(f, handle);
    vm.async_io(f, req.0, p(f, cb), h, "tell", |id| IoOp::Tell { handle: id }).into()
}

/// `stat I, S, I`
pub(super) fn stat_i_s_i(_: &mut Vm, t: &mut Task, dst: IReg, path: SArg, what: IArg) -> Flow {
    let (f, io_dst) = parts(t);
    wait_for(io_dst, IoDst::I(dst.0), IoOp::Stat { path: sa(f, path), fd: None, what: ia(f, what) })
}

/// `stat I, I, I`: of an open descriptor.
pub(super) fn stat_i_i_i(_: &mut Vm, t: &mut Task, dst: IReg, fd: IArg, what: IArg) -> Flow {
    let (f, io_dst) = parts(t);
    wait_for(io_dst, IoDst::I(dst.0), IoOp::Stat { path: Str::empty(), fd: Some(ia(f, fd)), what: ia(f, what) })
}

/// `stat P, S, I, P`
pub(super) fn stat_p_s_i_p(vm: &mut Vm, f: &mut Frame, req: PReg, path: SArg, what: IArg, cb: PReg) -> Flow {
    let op = IoOp::Stat { path: sa(f, path), fd: None, what: ia(f, what) };
    vm.async_host(f, req.0, p(f, cb), "stat", op).into()
}
