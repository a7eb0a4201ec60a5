//! An open file as a worker sees it ([`FileState`]: the descriptor and its buffers), the
//! operations a worker performs on it, and the blocking calls that open and `stat` files.
//!
//! ## Fast path
//! An operation the handle's buffers can satisfy without a system call (a write that fits the
//! write buffer, a read the read buffer holds) is done on the spot ([`FileState::try_fast`])
//! when nothing is queued before it. The result is the same as the pool's; only the latency
//! differs.
//!
//! ## Write errors
//! A file's write that fits its buffer succeeds at once, so a full disk (ENOSPC) or a file
//! size limit (EFBIG) shows at the operation that writes the buffer out: a write that
//! overflows it, `flush`, `close`, or a read or seek (which flush first). A failed flush drops
//! the buffer: the error reports those bytes, and a retry must not write them twice. A
//! write past `RLIMIT_FSIZE` gets EFBIG only because `main` ignores SIGXFSZ.

use crate::backend::{find, sep_bytes};
use crate::os_error::os_error_text;
use crate::platform;
use kea_vm::interp::{IoOp, IoResult};
use kea_vm::pmc::Elem;
use kea_vm::string::{Encoding, Str};
use std::fs::{File, OpenOptions};
use std::io::{self, IsTerminal, Read, Seek, SeekFrom, Write};

/// The write buffer of a file.
pub(super) const WBUF: usize = 64 * 1024;
/// The least a read from a file asks the OS for.
pub(super) const RCHUNK: usize = 64 * 1024;
/// The most a read-ahead asks for.
pub(super) const RMAX: usize = 1 << 20;

/// A file operation on its way to a worker (plain bytes: a VM string is not `Send`).
pub(super) enum FOp {
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
    pub(super) fn of(op: &IoOp) -> Option<FOp> {
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
    pub(super) fn writes(&self) -> bool {
        matches!(self, FOp::Write(_) | FOp::Flush | FOp::Close)
    }
}

/// A worker's result, turned into an [`IoResult`] on the scheduler's thread.
pub(super) enum FRes {
    Done,
    Written(u64),
    Data(Vec<u8>, bool),
    Int(i64),
    Failed(String),
}

impl FRes {
    pub(super) fn into_result(self) -> IoResult {
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
pub(super) struct FileState {
    pub(super) file: File,
    /// The path it was opened with, for the exit report of output that could not be written.
    pub(super) path: String,
    pub(super) readable: bool,
    pub(super) writable: bool,
    pub(super) regular: bool,
    pub(super) rbuf: Vec<u8>,
    pub(super) rpos: usize,
    pub(super) wbuf: Vec<u8>,
}

impl FileState {
    pub(super) fn unread(&self) -> &[u8] {
        &self.rbuf[self.rpos..]
    }

    /// Writes out the write buffer.
    pub(super) fn flush(&mut self) -> io::Result<()> {
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
    pub(super) fn past_end(&mut self) -> bool {
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
    pub(super) fn try_fast(&mut self, op: &IoOp) -> Option<IoResult> {
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
    pub(super) fn perform(&mut self, op: &FOp) -> FRes {
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

/// Reads `len` bytes at `offset` (fewer at the end of the file) through a handle from
/// [`platform::reader_at`].
pub(super) fn read_at(f: &File, offset: u64, len: usize) -> Result<Vec<u8>, String> {
    let mut out = kea_vm::string::take_buffer(len);
    out.resize(len, 0);
    let mut got = 0;
    while got < len {
        match platform::read_at(f, &mut out[got..], offset + got as u64) {
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
pub(super) fn take_ahead(state: &mut FileState, r: Result<Vec<u8>, String>, count: usize) -> IoResult {
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
pub(super) fn open_file(path: &str, mode: &str) -> Result<(Box<FileState>, String, String), String> {
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

/// `stat` and `lstat` (`link`): one fact about a path or descriptor (`stat.pasm` codes), as
/// Parrot's `stat_intval` (src/platform/generic/file.c) gives it: `EXISTS` never fails, any
/// other code on a path that cannot be read fails with `stat failed: <OS text>`; `stat`
/// follows a link, so only `lstat` sees one (`ISLNK`); `CREATETIME`, `BACKUPTIME` and a
/// code Parrot does not know are -1. The facts whose source differs by platform come from
/// [`platform::stat_field`].
pub(super) fn stat(path: &str, fd: Option<i64>, what: i64, link: bool) -> FRes {
    if let Some(e) = platform::stat_unsupported(what) {
        return FRes::Failed(e);
    }
    let md = match fd {
        Some(fd) => platform::fd_metadata(fd, link).1,
        None if link => std::fs::symlink_metadata(path),
        None => std::fs::metadata(path),
    };
    let md = match md {
        Ok(m) => m,
        Err(_) if what == 0 => return FRes::Int(0),
        Err(e) => {
            let op = if link { "lstat" } else { "stat" };
            return FRes::Failed(format!("{op} failed: {}", os_error_text(&e)));
        }
    };
    let v = match what {
        0 => 1,
        1 => md.len() as i64,
        2 => md.is_dir() as i64,
        9 => -1,
        w => match platform::stat_field(&md, w) {
            Ok(v) => v,
            Err(e) => return FRes::Failed(e),
        },
    };
    FRes::Int(v)
}
