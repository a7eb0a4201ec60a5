//! Where program output goes: the [`Sink`] the reactor writes stdout and stderr to, the
//! process's own ([`StdSink`]) and one that captures (for tests).
//!
//! stdout is line-buffered on a terminal and block-buffered otherwise; the reactor flushes it
//! before anything goes to stderr, before stdin is read, before a sleep, and at exit, so
//! output appears in program order (DESIGN §2, "output buffering").

use std::fs::File;
use std::io::{self, IsTerminal, Write};

/// Where program output goes (a test can capture it).
pub trait Sink {
    /// Writes program output to fd 1 or 2.
    fn write(&mut self, fd: u32, bytes: &[u8]) -> io::Result<()>;
    /// Flushes buffered output. On failure the buffered bytes are dropped: the error is
    /// the report of their loss, and a full disk must not grow the buffer for ever.
    fn flush(&mut self) -> io::Result<()>;
    /// A stdout error that no caller was told of (stdout is flushed before stderr output,
    /// and a failure there is no failure of the stderr write); taking it clears it.
    fn take_error(&mut self) -> Option<io::Error> {
        None
    }
}

/// The process's real stdout and stderr.
///
/// ## Why stdout is written through a duplicate of fd 1 (on Windows, of the stdout handle)
/// Rust's `io::stdout()` keeps a line buffer of its own: after a failed write (a full disk)
/// up to a line of old bytes would stay there and come out later, after the error was
/// reported, and again at exit. The sink's buffer is the only one, and its failures are
/// errors.
pub struct StdSink {
    buf: Vec<u8>,
    line_buffered: bool,
    /// fd 1, duplicated at start, or the OS error that made that fail (out of descriptors):
    /// every stdout write then fails with it.
    out: Result<File, i32>,
    /// See [`Sink::take_error`].
    unreported: Option<io::Error>,
}

impl Default for StdSink {
    fn default() -> Self {
        let out = crate::platform::dup_stdout().map_err(|e| e.raw_os_error().unwrap_or(9));
        StdSink { buf: Vec::with_capacity(8192), line_buffered: io::stdout().is_terminal(), out, unreported: None }
    }
}

impl Sink for StdSink {
    fn write(&mut self, fd: u32, bytes: &[u8]) -> io::Result<()> {
        if fd == 2 {
            if let Err(e) = self.flush() {
                self.unreported.get_or_insert(e);
            }
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
            let r = match &mut self.out {
                Ok(f) => f.write_all(&self.buf),
                Err(code) => Err(io::Error::from_raw_os_error(*code)),
            };
            self.buf.clear();
            r?;
        }
        Ok(())
    }
    fn take_error(&mut self) -> Option<io::Error> {
        self.unreported.take()
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
