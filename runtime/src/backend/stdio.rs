//! The stdio backend: stdout and stderr through the reactor's [`Sink`](crate::Sink), stdin
//! through a helper thread.
//! It owns handles 0, 1 and 2.
//!
//! stdout is line-buffered on a terminal and block-buffered otherwise, and it is flushed before
//! anything goes to stderr, before stdin is read, before a sleep, and at exit, so output
//! appears in program order (DESIGN §2, "output buffering"). stdout and stderr need no queue:
//! their bytes enter the sink's buffer at the op, in program order; an async write there
//! completes when the buffer has been handed to the OS (the next reactor step).
//!
//! stdin is read by a helper thread, one chunk per request of the backend, so the runtime
//! never blocks on a terminal or a pipe; ops on it are served in order from what it read.

use super::{find, sep_bytes};
use crate::os_error::os_error_text;
use crate::reactor::{Backend, CancelOutcome, Cx, Waiter};
use kea_vm::interp::{IoOp, IoResult};
use kea_vm::pmc::Elem;
use kea_vm::string::{Encoding, Str};
use std::collections::VecDeque;
use std::io::{self, IsTerminal, Read};
use std::sync::mpsc::{channel, Receiver, Sender};

/// How much the stdin helper reads at a time.
const CHUNK: usize = 64 * 1024;

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

/// The stdio backend.
pub struct Stdio {
    /// Where stdin comes from; taken by the helper thread when the first read waits.
    src: Option<Box<dyn Read + Send>>,
    stdin: StdinSlot,
    /// What the helper read (or its error), one chunk per message.
    read_tx: Sender<io::Result<Vec<u8>>>,
    read_rx: Receiver<io::Result<Vec<u8>>>,
    /// Async writes to stdout/stderr waiting for the next flush, with their byte counts.
    out_pending: Vec<(Waiter, u64)>,
}

impl Stdio {
    /// The backend, reading stdin from `src`.
    pub fn new(src: Box<dyn Read + Send>) -> Stdio {
        let (read_tx, read_rx) = channel();
        Stdio { src: Some(src), stdin: StdinSlot::default(), read_tx, read_rx, out_pending: Vec::new() }
    }

    fn stdin_op(&mut self, cx: &mut Cx<'_>, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        if let IoOp::Close { .. } = op {
            self.stdin.closed = true;
            for (_, w) in std::mem::take(&mut self.stdin.queue) {
                cx.done(w, IoResult::Cancelled);
            }
            return Some(IoResult::Done);
        }
        if self.stdin.queue.is_empty() {
            if let Some(r) = self.stdin_try(&op) {
                return Some(r);
            }
        }
        self.stdin.queue.push_back((op, waiter));
        self.stdin_pump(cx);
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
    fn stdin_pump(&mut self, cx: &mut Cx<'_>) {
        while let Some((op, waiter)) = self.stdin.queue.pop_front() {
            match self.stdin_try(&op) {
                Some(r) => cx.done(waiter, r),
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
        cx.lost.flush_sink(cx.sink);
        if self.stdin.ask.is_none() {
            let Some(mut src) = self.src.take() else { return };
            let (ask_tx, ask_rx) = channel::<()>();
            let (done, waker) = (self.read_tx.clone(), cx.waker.clone());
            let spawned = std::thread::Builder::new().name("kea-stdin".into()).spawn(move || {
                while ask_rx.recv().is_ok() {
                    let mut buf = vec![0u8; CHUNK];
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
                    if done.send(r).is_err() {
                        return;
                    }
                    let _ = waker.wake();
                }
            });
            if let Err(e) = spawned {
                let msg = format!("read failed: cannot start the stdin reader: {}", os_error_text(&e));
                for (_, w) in std::mem::take(&mut self.stdin.queue) {
                    cx.done(w, IoResult::Failed(msg.clone()));
                }
                return;
            }
            self.stdin.ask = Some(ask_tx);
        }
        if let Some(ask) = &self.stdin.ask {
            if ask.send(()).is_ok() {
                self.stdin.reading = true;
            }
        }
    }

    /// Hands buffered output to the OS and completes the async writes waiting for that.
    fn flush_out(&mut self, cx: &mut Cx<'_>) {
        if self.out_pending.is_empty() {
            return;
        }
        let r = cx.sink.flush();
        for (w, n) in std::mem::take(&mut self.out_pending) {
            let result = match &r {
                Ok(()) => IoResult::Written(n),
                Err(e) => IoResult::Failed(format!("write failed: {}", os_error_text(e))),
            };
            cx.done(w, result);
        }
    }

    /// What the helper read: into the buffer, then to the ops waiting for it.
    fn took_in(&mut self, cx: &mut Cx<'_>, r: io::Result<Vec<u8>>) {
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
                    cx.done(w, IoResult::Failed(msg.clone()));
                }
            }
        }
        self.stdin_pump(cx);
    }
}

impl Backend for Stdio {
    fn takes(&self, op: &IoOp) -> bool {
        matches!(op, IoOp::FdOpen { fd: 0..=2, .. })
    }

    fn submit(&mut self, cx: &mut Cx<'_>, op: IoOp, waiter: Waiter) -> Option<IoResult> {
        match op {
            IoOp::Write { handle: h @ (1 | 2), data } => {
                let n = data.as_bytes().len() as u64;
                if let Err(e) = cx.sink.write(h, data.as_bytes()) {
                    return Some(IoResult::Failed(format!("write failed: {}", os_error_text(&e))));
                }
                match waiter {
                    w if w.wait => Some(IoResult::Done),
                    w => {
                        self.out_pending.push((w, n));
                        None
                    }
                }
            }
            IoOp::Flush { handle: 1 | 2 } | IoOp::Close { handle: 1 | 2 } => Some(match cx.sink.flush() {
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
            op if op.handle() == Some(0) => self.stdin_op(cx, op, waiter),
            IoOp::Read { .. } | IoOp::ReadLine { .. } | IoOp::ReadAll { .. } | IoOp::Peek { .. } => {
                Some(IoResult::Failed("Cannot read from a filehandle not opened for reading".into()))
            }
            IoOp::FdOpen { fd, mode } => {
                Some(IoResult::Opened { handle: fd as u32, path: Str::from(format!("fd {fd}")), mode })
            }
            op => Some(IoResult::Failed(format!("{} on a closed filehandle", op.kind()))),
        }
    }

    fn drain(&mut self, cx: &mut Cx<'_>) {
        self.flush_out(cx);
        while let Ok(r) = self.read_rx.try_recv() {
            self.took_in(cx, r);
        }
    }

    fn cancel(&mut self, _cx: &mut Cx<'_>, waiter: Waiter) -> Option<CancelOutcome> {
        if let Some(i) = self.stdin.queue.iter().position(|(_, x)| *x == waiter) {
            self.stdin.queue.remove(i);
            return Some(CancelOutcome::NotStarted);
        }
        let i = self.out_pending.iter().position(|(x, _)| *x == waiter)?;
        let (_, n) = self.out_pending.remove(i);
        Some(CancelOutcome::BytesDone(n))
    }

    fn busy(&self) -> bool {
        self.stdin.reading || !self.out_pending.is_empty()
    }

    fn flush(&mut self, cx: &mut Cx<'_>) {
        cx.lost.flush_sink(cx.sink);
    }
}
