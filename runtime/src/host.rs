//! Where program output goes ([`Sink`]), and OS error text. The IO backends are in
//! [`crate::io`].
//!
//! stdout is line-buffered on a terminal and block-buffered otherwise, and it is flushed before
//! anything goes to stderr, before stdin is read, before a sleep, and at exit, so output
//! appears in program order (DESIGN §2, "output buffering").

use std::io::{self, IsTerminal, Write};

pub use crate::io::Host;

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
