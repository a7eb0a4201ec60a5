//! FileHandle and StringHandle: a runtime file and an in-memory one, which answer the same
//! ops and methods.

use super::{Elem, PVal, PmcData, PmcRef, Reply};
use crate::error::{types, Exc};
use crate::interp::{IoOp, IoResult, Target, Vm};
use crate::request::{Kind, To};
use crate::string::{Encoding, Str};

/// A FileHandle: the runtime's handle number plus what Parrot keeps on the PMC.
#[derive(Clone, Debug)]
pub struct FileHandleData {
    /// The runtime's handle id (0, 1, 2 are stdin, stdout, stderr).
    pub id: u32,
    /// The path it was opened with.
    pub path: Str,
    /// The mode string.
    pub mode: Str,
    /// Set by `close`.
    pub closed: bool,
    /// Set when a read hit end of file.
    pub eof: bool,
    /// What `readline` reads up to (`record_separator`).
    pub sep: Str,
    /// `encoding('utf8')`: data read is utf8 text rather than binary.
    pub utf8: bool,
    /// `buffer_type`: `unbuffered`, `line-buffered` or `full-buffered`.
    pub buffer: Str,
}

impl FileHandleData {
    /// An open handle.
    pub fn new(id: u32, path: Str, mode: Str) -> FileHandleData {
        FileHandleData {
            id,
            path,
            mode,
            closed: false,
            eof: false,
            sep: Str::from("\n"),
            utf8: false,
            buffer: Str::from("full-buffered"),
        }
    }

    /// What `new 'FileHandle'` makes: closed, until `open` gives it a file.
    pub fn unopened() -> FileHandleData {
        FileHandleData { closed: true, ..FileHandleData::new(u32::MAX, Str::empty(), Str::empty()) }
    }
}

/// A StringHandle: an in-memory file (Parrot's `StringHandle` PMC).
#[derive(Clone, Debug, Default)]
pub struct StringHandleData {
    /// The contents.
    pub data: Vec<u8>,
    /// The read/write position.
    pub pos: usize,
    /// Set by `close`; `open` clears it.
    pub closed: bool,
    /// The mode it was opened with.
    pub mode: Str,
    /// `encoding('utf8')` makes reads utf8 strings.
    pub utf8: bool,
}

impl StringHandleData {
    /// What `new 'StringHandle'` makes: empty, open for reading and writing.
    pub fn empty() -> StringHandleData {
        StringHandleData { mode: Str::from("rw"), ..Default::default() }
    }
}

impl Vm {
    /// FileHandle and StringHandle methods. A trailing Sub argument makes the async form:
    /// the method returns the Request.
    pub(crate) fn handle_method(&mut self, h: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Reply, Exc>> {
        let (args, cb) = self.split_callback(args);
        let is_async = cb.is_some();
        let int = |vm: &Vm, i: usize| args.get(i).map(|e| vm.heap.elem_int(e)).transpose();
        let string = |vm: &Vm, i: usize| args.get(i).map(|e| vm.heap.elem_str(e)).transpose();
        let op: Result<IoOp, Exc> = match name.as_bytes() {
            b"read" => match int(self, 0) {
                Ok(Some(n)) if n >= 0 => Ok(IoOp::Read { handle: 0, count: n as usize }),
                Ok(Some(n)) => Err(Exc::new(
                    types::EXCEPTION_INVALID_ARGUMENT,
                    format!("Cannot read a negative number of bytes ({n})"),
                )),
                Ok(None) => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "read: how many bytes?")),
                Err(e) => Err(e),
            },
            b"readline" => match string(self, 0) {
                Ok(Some(sep)) => Ok(IoOp::ReadLine { handle: 0, sep }),
                Ok(None) => Ok(IoOp::ReadLine { handle: 0, sep: self.record_sep_of(h) }),
                Err(e) => Err(e),
            },
            b"readall" => Ok(IoOp::ReadAll { handle: 0 }),
            b"print" | b"puts" | b"write" => match args.first() {
                Some(e) => match e {
                    Elem::P(p) if p.is_none() => {
                        Err(Exc::new(types::EXCEPTION_UNEXPECTED_NULL, format!("Null PMC in {name}")))
                    }
                    e => self.heap.elem_str(e).map(|data| IoOp::Write { handle: 0, data }),
                },
                None => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("{name}: nothing to write"))),
            },
            b"close" => Ok(IoOp::Close { handle: 0 }),
            b"flush" => Ok(IoOp::Flush { handle: 0 }),
            b"tell" => Ok(IoOp::Tell { handle: 0 }),
            b"peek" => Ok(IoOp::Peek { handle: 0 }),
            b"isatty" => Ok(IoOp::IsATty { handle: 0 }),
            // Parrot's order: whence first, then the offset.
            b"seek" => match (int(self, 0), int(self, 1)) {
                (Ok(Some(whence)), Ok(Some(offset))) => Ok(IoOp::Seek { handle: 0, offset, whence }),
                (Err(e), _) | (_, Err(e)) => Err(e),
                _ => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "seek: expected (whence, offset)")),
            },
            b"open" => return Some(self.handle_open(h, &args, cb)),
            _ => return self.handle_info(h, name, &args).map(|r| r.map(Reply::Value)),
        };
        let op = match op {
            Ok(op) => op,
            Err(e) => return Some(Err(e)),
        };
        let closing = matches!(op, IoOp::Close { .. });
        if closing && !is_async {
            let open = match self.heap.get(h) {
                PmcData::FileHandle(fh) => !fh.closed,
                PmcData::StringHandle(sh) => !sh.closed,
                _ => false,
            };
            if !open {
                return Some(Ok(Reply::Value(None)));
            }
        }
        let r = if is_async {
            self.async_method(cb, h, name_static(name), move |id| set_handle(op, id))
        } else {
            match self.target(Some(h), true) {
                Err(e) => Err(e),
                Ok(Target::Host(id)) => Ok(Reply::Step(self.submit(set_handle(op, id), Some(h), To::Rets))),
                Ok(Target::Mem(m)) => {
                    let op = set_handle(op, u32::MAX);
                    let req = self.new_request_entry(Kind::of(&op), Some(h), To::Rets);
                    let res = self.mem_io(m, op).unwrap_or_else(|e| IoResult::Failed(e.message));
                    match self.answer_now(req, res) {
                        Ok(Elem::P(None)) => Ok(Reply::Value(None)),
                        Ok(v) => Ok(Reply::Value(Some(v))),
                        Err(e) => Err(e),
                    }
                }
            }
        };
        if closing {
            self.mark_closed(Some(h));
        }
        Some(r)
    }

    fn record_sep_of(&self, h: PmcRef) -> Str {
        match self.heap.get(h) {
            PmcData::FileHandle(fh) => fh.sep.clone(),
            _ => Str::from("\n"),
        }
    }

    /// `open([path[, mode]])` on a FileHandle made by `new`: it reuses its stored path and
    /// mode when none are given (Parrot), and throws if the handle is already open.
    fn handle_open(&mut self, h: PmcRef, args: &[Elem], cb: PVal) -> Result<Reply, Exc> {
        let s = |i: usize| args.get(i).map(|e| self.heap.elem_str(e)).transpose();
        let (path, mode) = (s(0)?, s(1)?);
        match self.heap.get_mut(h) {
            PmcData::StringHandle(sh) => {
                sh.closed = false;
                sh.pos = 0;
                if let Some(m) = mode {
                    if m.as_bytes().contains(&b'w') {
                        sh.data.clear();
                    }
                    sh.mode = m;
                }
                Ok(Reply::Value(Some(Elem::P(Some(h)))))
            }
            PmcData::FileHandle(fh) => {
                if !fh.closed {
                    return Err(Exc::new(types::EXCEPTION_PIO_ERROR, "Cannot reopen already open FileHandle"));
                }
                let path = path.unwrap_or_else(|| fh.path.clone());
                let mode =
                    mode.unwrap_or_else(
                        || if fh.mode.as_bytes().is_empty() { Str::from("r") } else { fh.mode.clone() },
                    );
                if path.as_bytes().is_empty() {
                    return Err(Exc::new(types::EXCEPTION_UNEXPECTED_NULL, "Invalid open: no path"));
                }
                let op = IoOp::Open { path, mode };
                if cb.is_some() {
                    return self.async_method(cb, h, "open", move |_| op);
                }
                Ok(Reply::Step(self.submit(op, Some(h), To::Rets)))
            }
            _ => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "open: not a handle")),
        }
    }

    /// Starts an async method call: the request is the method's result.
    fn async_method(
        &mut self,
        cb: PVal,
        h: PmcRef,
        name: &'static str,
        op: impl FnOnce(u32) -> IoOp,
    ) -> Result<Reply, Exc> {
        let (r, step) = self.ask_async(cb, Some(h), name, !matches!(name, "open"), op)?;
        Ok(Reply::Async(r, step))
    }

    /// Handle methods that only read or set what the PMC keeps.
    fn handle_info(&mut self, h: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Option<Elem>, Exc>> {
        let arg = args.first().map(|e| self.heap.elem_str(e));
        let arg = match arg.transpose() {
            Ok(a) => a,
            Err(e) => return Some(Err(e)),
        };
        let d = self.heap.get_mut(h);
        let some = |e: Elem| Some(Ok(Some(e)));
        match (d, name.as_bytes()) {
            (PmcData::FileHandle(fh), b"eof") => some(Elem::I(fh.eof as i64)),
            (PmcData::StringHandle(sh), b"eof") => some(Elem::I((sh.pos >= sh.data.len()) as i64)),
            (PmcData::FileHandle(fh), b"is_closed") => some(Elem::I(fh.closed as i64)),
            (PmcData::StringHandle(sh), b"is_closed") => some(Elem::I(sh.closed as i64)),
            (PmcData::FileHandle(fh), b"mode") => some(Elem::S(fh.mode.clone())),
            (PmcData::StringHandle(sh), b"mode") => some(Elem::S(sh.mode.clone())),
            (PmcData::FileHandle(fh), b"get_fd") => some(Elem::I(if fh.id <= 2 { fh.id as i64 } else { -1 })),
            (PmcData::StringHandle(_), b"get_fd") => some(Elem::I(-1)),
            (PmcData::FileHandle(fh), b"record_separator") => match arg {
                Some(s) => {
                    fh.sep = s;
                    Some(Ok(None))
                }
                None => some(Elem::S(fh.sep.clone())),
            },
            (PmcData::FileHandle(fh), b"encoding") => match arg {
                Some(s) => {
                    fh.utf8 = matches!(s.as_bytes(), b"utf8" | b"utf-8" | b"UTF-8");
                    Some(Ok(None))
                }
                None => some(Elem::S(Str::from(if fh.utf8 { "utf8" } else { "binary" }))),
            },
            (PmcData::StringHandle(sh), b"encoding") => match arg {
                Some(s) => {
                    sh.utf8 = matches!(s.as_bytes(), b"utf8" | b"utf-8" | b"UTF-8");
                    Some(Ok(None))
                }
                None => some(Elem::S(Str::from(if sh.utf8 { "utf8" } else { "binary" }))),
            },
            (PmcData::FileHandle(fh), b"buffer_type") => match arg {
                Some(s) => match s.as_bytes() {
                    b"unbuffered" | b"line-buffered" | b"full-buffered" => {
                        fh.buffer = s;
                        Some(Ok(None))
                    }
                    _ => Some(Err(Exc::new(types::EXCEPTION_PIO_ERROR, "Unknown buffering type"))),
                },
                None => some(Elem::S(fh.buffer.clone())),
            },
            (PmcData::StringHandle(_), b"buffer_type") => some(Elem::S(Str::from("unbuffered"))),
            (PmcData::FileHandle(fh), b"buffer_size") => match args.first() {
                Some(_) => {
                    fh.buffer = Str::from("full-buffered");
                    Some(Ok(None))
                }
                None => some(Elem::I(8192)),
            },
            (PmcData::StringHandle(_), b"buffer_size") => some(Elem::I(0)),
            _ => None,
        }
    }

    /// Runs an op on a StringHandle; returns the result for the op's destination.
    pub(crate) fn mem_io(&mut self, h: PmcRef, op: IoOp) -> Result<IoResult, Exc> {
        let PmcData::StringHandle(sh) = self.heap.get_mut(h) else {
            return Err(Exc::new(types::EXCEPTION_PIO_ERROR, "not a StringHandle"));
        };
        let enc = if sh.utf8 { Encoding::Utf8 } else { Encoding::Binary };
        let take = |sh: &mut StringHandleData, n: usize| {
            let end = (sh.pos + n).min(sh.data.len());
            let out = sh.data[sh.pos.min(end)..end].to_vec();
            sh.pos = end;
            let eof = sh.pos >= sh.data.len();
            IoResult::Data { data: Str::from_vec(out, enc), eof }
        };
        Ok(match op {
            IoOp::Write { data, .. } => {
                if sh.mode.as_bytes().contains(&b'r') && !sh.mode.as_bytes().iter().any(|c| b"wa".contains(c)) {
                    return Err(Exc::new(
                        types::EXCEPTION_PIO_ERROR,
                        "Cannot write to a StringHandle opened for reading",
                    ));
                }
                let end = sh.pos + data.as_bytes().len();
                if end > sh.data.len() {
                    sh.data.resize(end, 0);
                }
                sh.data[sh.pos..end].copy_from_slice(data.as_bytes());
                sh.pos = end;
                IoResult::Done
            }
            IoOp::Read { count, .. } => take(sh, count),
            IoOp::ReadAll { .. } => take(sh, usize::MAX / 2),
            IoOp::ReadLine { sep, .. } => {
                let rest = &sh.data[sh.pos.min(sh.data.len())..];
                let sep = if sep.as_bytes().is_empty() { b"\n".as_slice() } else { sep.as_bytes() };
                let n = rest.windows(sep.len()).position(|w| w == sep).map_or(rest.len(), |i| i + sep.len());
                take(sh, n)
            }
            IoOp::Peek { .. } => {
                let b = sh.data.get(sh.pos).map(|b| vec![*b]).unwrap_or_default();
                IoResult::Data { data: Str::from_vec(b, enc), eof: sh.pos >= sh.data.len() }
            }
            IoOp::Close { .. } => {
                sh.closed = true;
                IoResult::Done
            }
            IoOp::Flush { .. } => IoResult::Done,
            IoOp::Seek { offset, whence, .. } => {
                let base = match whence {
                    0 => 0,
                    1 => sh.pos as i64,
                    2 => sh.data.len() as i64,
                    w => return Err(Exc::new(types::EXCEPTION_PIO_ERROR, format!("seek: bad whence {w}"))),
                };
                let to = base.checked_add(offset).filter(|t| *t >= 0).ok_or_else(|| {
                    Exc::new(types::EXCEPTION_PIO_ERROR, "seek failed: Invalid argument(22)".to_string())
                })?;
                sh.pos = to as usize;
                IoResult::Value(Elem::I(to))
            }
            IoOp::Tell { .. } => IoResult::Value(Elem::I(sh.pos as i64)),
            IoOp::IsATty { .. } => IoResult::Value(Elem::I(0)),
            other => {
                return Err(Exc::new(
                    types::EXCEPTION_PIO_ERROR,
                    format!("{} is not supported on a StringHandle", other.kind()),
                ))
            }
        })
    }
}

fn set_handle(op: IoOp, id: u32) -> IoOp {
    match op {
        IoOp::Write { data, .. } => IoOp::Write { handle: id, data },
        IoOp::Read { count, .. } => IoOp::Read { handle: id, count },
        IoOp::ReadLine { sep, .. } => IoOp::ReadLine { handle: id, sep },
        IoOp::ReadAll { .. } => IoOp::ReadAll { handle: id },
        IoOp::Peek { .. } => IoOp::Peek { handle: id },
        IoOp::Close { .. } => IoOp::Close { handle: id },
        IoOp::Flush { .. } => IoOp::Flush { handle: id },
        IoOp::Seek { offset, whence, .. } => IoOp::Seek { handle: id, offset, whence },
        IoOp::Tell { .. } => IoOp::Tell { handle: id },
        IoOp::IsATty { .. } => IoOp::IsATty { handle: id },
        other => other,
    }
}

fn name_static(name: &Str) -> &'static str {
    match name.as_bytes() {
        b"read" => "read",
        b"readline" => "readline",
        b"readall" => "readall",
        b"print" => "print",
        b"puts" => "puts",
        b"write" => "write",
        b"close" => "close",
        b"flush" => "flush",
        b"seek" => "seek",
        b"tell" => "tell",
        b"peek" => "peek",
        _ => "method",
    }
}
