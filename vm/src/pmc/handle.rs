//! FileHandle and StringHandle: a runtime file and an in-memory one, which answer the same
//! ops and methods.

use super::{split_callback, Ask, Elem, Heap, Io, PVal, PmcData, PmcRef, Reply, Slots};
use crate::error::{types, Exc};
use crate::host::{IoOp, IoResult};
use crate::request::ops;
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

/// FileHandle and StringHandle methods. A trailing Sub argument makes the async form: the
/// method returns the Request. The IO ones are the ops of the same names (`request/ops.rs`),
/// asked as the ops ask them.
pub(super) fn methods(heap: &mut Heap, h: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Reply, Exc>> {
    let (args, cb) = split_callback(heap, args);
    let int = |heap: &Heap, i: usize| args.get(i).map(|e| heap.elem_int(e)).transpose();
    let string = |heap: &Heap, i: usize| args.get(i).map(|e| heap.elem_str(e)).transpose();
    let (op, name): (Result<IoOp, Exc>, &'static str) = match name.as_bytes() {
        b"read" => match int(heap, 0) {
            Ok(Some(n)) => (ops::read(n), "read"),
            Ok(None) => (Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "read: how many bytes?")), "read"),
            Err(e) => (Err(e), "read"),
        },
        b"readline" => match string(heap, 0) {
            Ok(Some(sep)) => (Ok(ops::readline(sep)), "readline"),
            Ok(None) => (Ok(ops::readline(heap.record_separator(Some(h)))), "readline"),
            Err(e) => (Err(e), "readline"),
        },
        b"readall" => (Ok(ops::readall()), "readall"),
        b"print" | b"puts" | b"write" => {
            let what = match name.as_bytes() {
                b"print" => "print",
                b"puts" => "puts",
                _ => "write",
            };
            let data = match args.first() {
                Some(Elem::P(None)) => Err(Exc::new(types::EXCEPTION_UNEXPECTED_NULL, format!("Null PMC in {name}"))),
                Some(e) => heap.elem_str(e),
                None => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, format!("{name}: nothing to write"))),
            };
            (data.map(ops::write), what)
        }
        b"close" => (Ok(ops::close()), "close"),
        b"flush" => (Ok(ops::flush()), "flush"),
        b"tell" => (Ok(ops::tell()), "tell"),
        b"peek" => (Ok(ops::peek()), "peek"),
        b"isatty" => (Ok(ops::isatty()), "method"),
        // Parrot's order: whence first, then the offset.
        b"seek" => match (int(heap, 0), int(heap, 1)) {
            (Ok(Some(whence)), Ok(Some(offset))) => (Ok(ops::seek(offset, whence)), "seek"),
            (Err(e), _) | (_, Err(e)) => (Err(e), "seek"),
            _ => (Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "seek: expected (whence, offset)")), "seek"),
        },
        b"open" => return Some(open(heap, h, &args, cb)),
        _ => return info(heap, h, name, &args).map(|r| r.map(Reply::Value)),
    };
    // An argument error throws in both forms.
    Some(op.map(|op| Reply::Io(Io { ask: Ask::Handle(op), on: h, cb, name })))
}

/// `open([path[, mode]])` on a FileHandle made by `new`: it reuses its stored path and mode
/// when none are given (Parrot), and throws if the handle is already open.
fn open(heap: &mut Heap, h: PmcRef, args: &[Elem], cb: PVal) -> Result<Reply, Exc> {
    let s = |i: usize| args.get(i).map(|e| heap.elem_str(e)).transpose();
    let (path, mode) = (s(0)?, s(1)?);
    match heap.get_mut(h) {
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
                mode.unwrap_or_else(|| if fh.mode.as_bytes().is_empty() { Str::from("r") } else { fh.mode.clone() });
            if path.as_bytes().is_empty() {
                return Err(Exc::new(types::EXCEPTION_UNEXPECTED_NULL, "Invalid open: no path"));
            }
            Ok(Reply::Io(Io { ask: Ask::Addressed(ops::open(path, mode)), on: h, cb, name: "open" }))
        }
        _ => Err(Exc::new(types::EXCEPTION_INVALID_OPERATION, "open: not a handle")),
    }
}

impl Heap {
    /// The record separator `readline` uses on `h` (`\n` unless `record_separator` set one).
    pub(crate) fn record_separator(&self, h: PVal) -> Str {
        match h.map(|r| self.get(r)) {
            Some(PmcData::FileHandle(fh)) => fh.sep.clone(),
            _ => Str::from("\n"),
        }
    }
}

/// Handle methods that only read or set what the PMC keeps.
fn info(heap: &mut Heap, h: PmcRef, name: &Str, args: &[Elem]) -> Option<Result<Option<Elem>, Exc>> {
    let arg = args.first().map(|e| heap.elem_str(e));
    let arg = match arg.transpose() {
        Ok(a) => a,
        Err(e) => return Some(Err(e)),
    };
    let d = heap.get_mut(h);
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
pub(crate) fn mem_io(heap: &mut Heap, h: PmcRef, op: IoOp) -> Result<IoResult, Exc> {
    let PmcData::StringHandle(sh) = heap.get_mut(h) else {
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
                return Err(Exc::new(types::EXCEPTION_PIO_ERROR, "Cannot write to a StringHandle opened for reading"));
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
            let to = base
                .checked_add(offset)
                .filter(|t| *t >= 0)
                .ok_or_else(|| Exc::new(types::EXCEPTION_PIO_ERROR, "seek failed: Invalid argument(22)".to_string()))?;
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

/// FileHandle's own vtable slots: its path as a string, true while open and not at eof.
pub(super) const FILE_HANDLE: Slots = Slots {
    get_string: Some(|d| match d {
        PmcData::FileHandle(h) => Some(h.path.clone()),
        _ => None,
    }),
    get_bool: Some(|d| match d {
        PmcData::FileHandle(h) => Some(!h.closed && !h.eof),
        _ => None,
    }),
    host_handle: Some(|d| match d {
        PmcData::FileHandle(h) if !h.closed && h.id > 2 && h.id != u32::MAX => Some(h.id),
        _ => None,
    }),
    ..Slots::NONE
};

/// StringHandle's own vtable slots: its contents as a string, true while open with more to
/// read.
pub(super) const STRING_HANDLE: Slots = Slots {
    get_string: Some(|d| match d {
        PmcData::StringHandle(h) => Some(Str::from_vec(h.data.clone(), Encoding::Binary)),
        _ => None,
    }),
    get_bool: Some(|d| match d {
        PmcData::StringHandle(h) => Some(!h.closed && h.pos < h.data.len()),
        _ => None,
    }),
    ..Slots::NONE
};
