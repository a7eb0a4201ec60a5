//! The IO host: performs the [`IoRequest`]s the VM hands out. Blocking for now; the scheduler
//! issue turns each of these into a request on the reactor or the file pool.
//!
//! stdout is line-buffered on a terminal and block-buffered otherwise, and it is flushed before
//! anything goes to stderr, before stdin is read, before a sleep, and at exit, so output
//! appears in program order (DESIGN §2, "output buffering").

use kea_vm::interp::{IoRequest, IoResult};
use kea_vm::string::{Encoding, Str};
use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, IsTerminal, Write};

enum Handle {
    File { reader: Option<BufReader<File>>, writer: Option<io::BufWriter<File>> },
}

/// Where program output goes (a test can capture it).
pub trait Sink {
    /// Writes program output to fd 1 or 2.
    fn write(&mut self, fd: u32, bytes: &[u8]) -> io::Result<()>;
    /// Flushes buffered output.
    fn flush(&mut self) -> io::Result<()>;
}

/// The process's real stdout and stderr.
pub struct StdSink {
    buf: Vec<u8>,
    line_buffered: bool,
}

impl Default for StdSink {
    fn default() -> Self {
        StdSink { buf: Vec::with_capacity(8192), line_buffered: io::stdout().is_terminal() }
    }
}

impl Sink for StdSink {
    fn write(&mut self, fd: u32, bytes: &[u8]) -> io::Result<()> {
        if fd == 2 {
            self.flush()?;
            let mut e = io::stderr().lock();
            e.write_all(bytes)?;
            return e.flush();
        }
        self.buf.extend_from_slice(bytes);
        if self.buf.len() >= 8192 || (self.line_buffered && bytes.contains(&b'\n')) {
            self.flush()?;
        }
        Ok(())
    }
    fn flush(&mut self) -> io::Result<()> {
        if !self.buf.is_empty() {
            let mut o = io::stdout().lock();
            o.write_all(&self.buf)?;
            o.flush()?;
            self.buf.clear();
        }
        Ok(())
    }
}

/// Output captured in memory, in order, with the fd of each piece.
#[derive(Default)]
pub struct CaptureSink {
    /// stdout bytes.
    pub out: Vec<u8>,
    /// stderr bytes.
    pub err: Vec<u8>,
}

impl Sink for CaptureSink {
    fn write(&mut self, fd: u32, bytes: &[u8]) -> io::Result<()> {
        if fd == 2 {
            self.err.extend_from_slice(bytes)
        } else {
            self.out.extend_from_slice(bytes)
        }
        Ok(())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Open handles and the output sink.
pub struct Host<S: Sink> {
    /// stdout/stderr.
    pub sink: S,
    stdin: Box<dyn BufRead>,
    handles: HashMap<u32, Handle>,
    next_id: u32,
}

/// An OS error as Parrot prints it: `No such file or directory(2)`.
pub fn os_error_text(e: &io::Error) -> String {
    let text = e.to_string();
    let text = match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    };
    match e.raw_os_error() {
        Some(n) => format!("{text}({n})"),
        None => text,
    }
}

impl<S: Sink> Host<S> {
    /// A host writing to `sink` and reading stdin from `stdin`.
    pub fn new(sink: S, stdin: Box<dyn BufRead>) -> Host<S> {
        Host { sink, stdin, handles: HashMap::new(), next_id: 3 }
    }

    /// Performs one request.
    pub fn perform(&mut self, req: IoRequest) -> IoResult {
        match self.try_perform(req) {
            Ok(r) => r,
            Err(msg) => IoResult::Failed(msg),
        }
    }

    fn try_perform(&mut self, req: IoRequest) -> Result<IoResult, String> {
        match req {
            IoRequest::Write { handle, data } => {
                self.write(handle, data.as_bytes()).map_err(|e| format!("write failed: {}", os_error_text(&e)))?;
                Ok(IoResult::Done)
            }
            IoRequest::Read { handle, count } => self.read(handle, Some(count)),
            IoRequest::ReadLine { handle } => self.read(handle, None),
            IoRequest::Open { path, mode } => self.open(path, mode),
            IoRequest::Close { handle } => {
                if let Some(Handle::File { writer: Some(mut w), .. }) = self.handles.remove(&handle) {
                    w.flush().map_err(|e| format!("close failed: {}", os_error_text(&e)))?;
                }
                Ok(IoResult::Done)
            }
            IoRequest::Sleep { secs } => {
                let _ = self.sink.flush();
                std::thread::sleep(std::time::Duration::from_secs_f64(secs.min(1e9)));
                Ok(IoResult::Done)
            }
        }
    }

    fn write(&mut self, handle: u32, bytes: &[u8]) -> io::Result<()> {
        match handle {
            1 | 2 => self.sink.write(handle, bytes),
            0 => Err(io::Error::new(io::ErrorKind::PermissionDenied, "stdin is not open for writing")),
            h => match self.handles.get_mut(&h) {
                Some(Handle::File { writer: Some(w), .. }) => w.write_all(bytes),
                Some(_) => Err(io::Error::new(io::ErrorKind::PermissionDenied, "handle is not open for writing")),
                None => Err(io::Error::new(io::ErrorKind::NotFound, "handle is closed")),
            },
        }
    }

    fn read(&mut self, handle: u32, count: Option<usize>) -> Result<IoResult, String> {
        let _ = self.sink.flush();
        let reader: &mut dyn BufRead = match handle {
            0 => &mut self.stdin,
            h => match self.handles.get_mut(&h) {
                Some(Handle::File { reader: Some(r), .. }) => r,
                Some(_) => return Err("Cannot read from a filehandle not opened for reading".into()),
                None => return Err("Cannot read from a closed filehandle".into()),
            },
        };
        let mut buf = Vec::new();
        let res = match count {
            None => reader.read_until(b'\n', &mut buf).map(|_| ()),
            Some(n) => {
                buf.resize(n.min(1 << 30), 0);
                let mut got = 0;
                let mut r = Ok(());
                while got < buf.len() {
                    match reader.read(&mut buf[got..]) {
                        Ok(0) => break,
                        Ok(k) => got += k,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => {
                            r = Err(e);
                            break;
                        }
                    }
                }
                buf.truncate(got);
                r
            }
        };
        res.map_err(|e| format!("read failed: {}", os_error_text(&e)))?;
        // A terminal must not be asked for more input just to learn whether it is at its end.
        let eof = buf.is_empty() || (handle != 0 && buf_is_at_end(reader));
        Ok(IoResult::Data { data: Str::from_vec(buf, Encoding::Binary), eof })
    }

    fn open(&mut self, path: Str, mode: Str) -> Result<IoResult, String> {
        let m = mode.to_text();
        let (mut read, mut write, mut append) = (false, false, false);
        for c in m.chars() {
            match c {
                'r' => read = true,
                'w' => write = true,
                'a' => append = true,
                _ => {}
            }
        }
        if !write && !append {
            read = true;
        }
        let p = path.to_text();
        let mut o = OpenOptions::new();
        o.read(read);
        if append {
            o.append(true).create(true);
        } else if write {
            o.write(true).create(true).truncate(true);
        }
        let f = o.open(&p).map_err(|e| format!("Unable to open filehandle from path '{p}': {}", os_error_text(&e)))?;
        let (reader, writer) = if write || append {
            let r = if read { f.try_clone().ok().map(BufReader::new) } else { None };
            (r, Some(io::BufWriter::new(f)))
        } else {
            (Some(BufReader::new(f)), None)
        };
        let id = self.next_id;
        self.next_id += 1;
        self.handles.insert(id, Handle::File { reader, writer });
        Ok(IoResult::Opened { handle: id, path, mode })
    }

    /// Flushes every buffer (at exit).
    pub fn flush_all(&mut self) {
        let _ = self.sink.flush();
        for h in self.handles.values_mut() {
            let Handle::File { writer, .. } = h;
            if let Some(w) = writer {
                let _ = w.flush();
            }
        }
    }
}

fn buf_is_at_end(r: &mut dyn BufRead) -> bool {
    r.fill_buf().map(|b| b.is_empty()).unwrap_or(true)
}
